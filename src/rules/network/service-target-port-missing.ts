import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { containersOf, podTemplateOf } from '../../k8s/pod-templates.js';
import { selects } from '../../k8s/selectors.js';
import type { KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

interface SelectedTemplate {
  object: KubeObject;
  namespace: string | undefined;
  labels: Record<string, unknown>;
  /** Named container ports, as `name/protocol`. */
  ports: Set<string>;
}

export default {
  meta: {
    id: 'service-target-port-missing',
    domain: 'network',
    severity: 'warning',
    title: 'A Service whose named targetPort no container of the pods it selects declares',
    source: 'C9 (a Service with no endpoints); Kubernetes resolves a named targetPort per pod (FindPort: a container port with that name and protocol) and leaves out pods that lack it',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const templates: SelectedTemplate[] = context.applied.flatMap((object) => {
      const template = podTemplateOf(object);
      if (!template) return [];
      const ports = new Set<string>();
      for (const { list, container } of containersOf(template)) {
        // Init containers serve only as sidecars (restartPolicy: Always), which the endpoints controller also reads.
        if (list === 'initContainers' && container.restartPolicy !== 'Always') continue;
        for (const port of Array.isArray(container.ports) ? container.ports : []) {
          const { name, protocol } = asRecord(port) ?? {};
          if (typeof name === 'string') ports.add(`${name}/${typeof protocol === 'string' ? protocol : 'TCP'}`);
        }
      }
      return [{ object, namespace: namespaceOf(object), labels: asRecord(template.metadata?.labels) ?? {}, ports }];
    });
    for (const object of context.applied) {
      if (object.kind !== 'Service' || object.apiVersion !== 'v1') continue;
      const spec = asRecord(object.body.spec) ?? {};
      const selector = asRecord(spec.selector);
      const namespace = namespaceOf(object);
      if (!selector || Object.keys(selector).length === 0 || spec.type === 'ExternalName' || namespace === undefined) continue;
      const selected = templates.filter((template) => template.namespace === namespace && selects(selector, template.labels));
      // Pods hctl cannot see (a chart's, an operator's) are not judged: only the workloads in the repo it selects.
      if (selected.length === 0) continue;
      (Array.isArray(spec.ports) ? spec.ports : []).forEach((entry, index) => {
        const port = asRecord(entry) ?? {};
        const target = port.targetPort;
        // A number, or a string of digits (which the API refuses as a port name), is not looked up by name.
        if (typeof target !== 'string' || /^\d+$/.test(target)) return;
        const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
        if (selected.some((template) => template.ports.has(`${target}/${protocol}`))) return;
        const workloads = selected.map((template) => `${template.object.kind} ${template.object.name ?? ''}`).join(', ');
        const named = [...new Set(selected.flatMap((template) => [...template.ports]))].map((port) => port.replace(/\/TCP$/, ''));
        context.report({
          object,
          path: ['spec', 'ports', index, 'targetPort'],
          message: `targetPort "${target}"${protocol === 'TCP' ? '' : ` (${protocol})`} names no container port of the pods it selects (${workloads}${named.length > 0 ? `, which name ${named.join(', ')}` : ', which name no ports'}): the Service has no endpoints for this port and connections to it fail`,
          hint: `Name the container port "${target}" (containers[].ports[].name${protocol === 'TCP' ? '' : `, protocol ${protocol}`}), or set targetPort to the name or number the container uses.`,
        });
      });
    }
  },
} satisfies Rule;
