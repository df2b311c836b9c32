import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { ingressClasses } from '../../k8s/ingress-classes.js';
import { routeBackends } from '../../k8s/route-backends.js';
import type { KubeObject } from '../../repo/object.js';
import { asRecord, asRecords } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'route-backend-port-missing',
    domain: 'network',
    severity: 'warning',
    title: 'An Ingress, HTTPRoute or Traefik IngressRoute whose backend port the Service does not expose',
    source: 'C9 (traffic that goes nowhere); C6 (routes whose references do not resolve); the Service port is what ingress controllers and Gateway API implementations look up',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const services = new Map<string, KubeObject[]>();
    for (const object of context.applied) {
      if (object.kind !== 'Service' || object.apiVersion !== 'v1' || asRecord(object.body.spec)?.type === 'ExternalName') continue;
      const key = `${namespaceOf(object) ?? ''}/${object.name ?? ''}`;
      services.set(key, [...(services.get(key) ?? []), object]);
    }
    if (services.size === 0) return;
    const lenient = ingressNginxMayServe(context.applied);
    for (const route of context.applied) {
      const namespace = namespaceOf(route);
      const targetPortToo = route.kind === 'Ingress' && lenient(route);
      for (const backend of routeBackends(route, namespace)) {
        if (backend.namespace === undefined) continue;
        // Only Services the repo defines are judged: a chart's or an operator's are not in Git.
        const candidates = services.get(`${backend.namespace}/${backend.service}`);
        if (!candidates || candidates.some((service) => exposes(service, backend.port, targetPortToo))) continue;
        const offered = [...new Set(candidates.flatMap(portsOf).map(describePort))];
        const byName = typeof backend.port === 'string';
        context.report({
          object: route,
          path: backend.path,
          message: `Service ${backend.namespace}/${backend.service} has no port ${byName ? `named "${backend.port}"` : backend.port} (it exposes ${offered.join(', ') || 'none'}): requests to this backend fail`,
          hint: `Use one of the Service's ports${byName ? ' (a name is the Service port’s `name`, not the container’s)' : ' (the Service `port`, not its targetPort)'}, or add the port to the Service.`,
        });
      }
    }
  },
} satisfies Rule;

/** Ingress controllers known to look up only a Service port's number or name (Traefik's providers, read in its source). */
const STRICT_CONTROLLERS = new Set(['traefik.io/ingress-controller']);

/**
 * Whether ingress-nginx may serve an Ingress: its class (spec.ingressClassName, the legacy annotation,
 * else the repo's default IngressClass) is not known to belong to a controller that looks up only
 * Service ports: by the repo's IngressClass, or, when the class comes from a chart, by a name that
 * says traefik.
 */
function ingressNginxMayServe(objects: readonly KubeObject[]): (ingress: KubeObject) => boolean {
  const classes = ingressClasses(objects);
  return (ingress) => {
    const name = classes.classOf(ingress);
    if (name === undefined) return true;
    const controller = classes.controllerOf(name);
    if (controller !== undefined) return !STRICT_CONTROLLERS.has(controller);
    return !/traefik/i.test(name);
  };
}

function portsOf(service: KubeObject): Record<string, unknown>[] {
  return asRecords(asRecord(service.body.spec)?.ports);
}

/** A Service port answers to its number, and to its name; Traefik writes a number as a string too. */
function exposes(service: KubeObject, port: number | string, targetPortToo: boolean): boolean {
  return portsOf(service).some(
    (entry) => entry.port === port || (typeof port === 'string' && (entry.name === port || String(entry.port) === port)) || (targetPortToo && entry.targetPort !== undefined && String(entry.targetPort) === String(port)),
  );
}

function describePort(port: Record<string, unknown>): string {
  return typeof port.name === 'string' ? `${String(port.port)} (${port.name})` : String(port.port);
}
