import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import { scaleTargetOf } from '../../k8s/scale-target.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { asList, asRecord, asRecords } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** One utilization target: a resource as a percentage of what the pod's containers (or one container) request. */
interface UtilizationTarget {
  resource: string;
  /** Only this container's request counts (`ContainerResource`). */
  container?: string;
  path: NodePath;
}

export default {
  meta: {
    id: 'hpa-missing-requests',
    domain: 'workloads',
    severity: 'warning',
    title: 'An autoscaler scaling on CPU or memory utilization of a workload whose containers request none',
    source:
      'seed 002 (HPAs for the backend); W1 (resource requests on every container): utilization is usage divided by the request, so the HPA controller reports "missing request for cpu" and never scales',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const workloads = new Map<string, KubeObject>();
    for (const object of context.applied) if (podTemplateOf(object)) workloads.set(`${namespaceOf(object) ?? ''}/${object.kind}/${object.name ?? ''}`, object);
    // A LimitRange's default request (or default limit, which the request then copies) fills in what a container leaves out.
    const defaulted = new Set<string>();
    for (const object of context.applied) {
      if (object.kind !== 'LimitRange' || object.apiVersion !== 'v1') continue;
      for (const limit of asRecords(asRecord(object.body.spec)?.limits)) {
        if (limit.type !== 'Container') continue;
        for (const resource of [...Object.keys(asRecord(limit.defaultRequest) ?? {}), ...Object.keys(asRecord(limit.default) ?? {})]) defaulted.add(`${namespaceOf(object) ?? ''}/${resource}`);
      }
    }
    for (const scaler of context.applied) {
      const target = scaleTarget(scaler);
      if (!target) continue;
      const namespace = namespaceOf(scaler);
      const workload = workloads.get(`${namespace ?? ''}/${target.kind}/${target.name}`);
      const template = workload && podTemplateOf(workload);
      if (!template) continue;
      const containers = asRecords(template.spec.containers);
      for (const utilization of target.utilization) {
        if (defaulted.has(`${namespace ?? ''}/${utilization.resource}`)) continue;
        const counted = utilization.container === undefined ? containers : containers.filter((container) => container.name === utilization.container);
        const without = counted.filter((container) => !requests(container, utilization.resource)).map((container) => String(container.name ?? '?'));
        if (without.length === 0) continue;
        context.report({
          object: scaler,
          path: utilization.path,
          message: `scales ${target.kind} ${target.name} on ${utilization.resource} utilization, but its container${without.length === 1 ? '' : 's'} ${without.join(', ')} request${without.length === 1 ? 's' : ''} no ${utilization.resource}: utilization is usage divided by the request, so the autoscaler reports "missing request for ${utilization.resource}" and never scales`,
          hint: `Set resources.requests.${utilization.resource} on ${without.length === 1 ? 'that container' : 'every container'} of ${target.kind} ${target.name}, or scale on an AverageValue target instead of Utilization.`,
        });
      }
    }
  },
} satisfies Rule;

/** What an HPA or a KEDA ScaledObject scales, and its utilization targets (CPU at 80 % when an HPA names no metric). */
function scaleTarget(object: KubeObject): { kind: string; name: string; utilization: UtilizationTarget[] } | undefined {
  const target = scaleTargetOf(object);
  if (!target) return undefined;
  const { kind, name } = target;
  const spec = asRecord(object.body.spec) ?? {};
  if (target.via === 'HPA') {
    if (object.apiVersion === 'autoscaling/v1') return { kind, name, utilization: [{ resource: 'cpu', path: spec.targetCPUUtilizationPercentage === undefined ? ['spec', 'scaleTargetRef'] : ['spec', 'targetCPUUtilizationPercentage'] }] };
    const metrics = asList(spec.metrics);
    if (metrics.length === 0) return { kind, name, utilization: [{ resource: 'cpu', path: ['spec', 'scaleTargetRef'] }] };
    const utilization = metrics.flatMap((entry, index): UtilizationTarget[] => {
      const metric = asRecord(entry) ?? {};
      const source = asRecord(metric.type === 'Resource' ? metric.resource : metric.type === 'ContainerResource' ? metric.containerResource : undefined);
      if (typeof source?.name !== 'string' || asRecord(source.target)?.type !== 'Utilization') return [];
      const path = ['spec', 'metrics', index];
      return [typeof source.container === 'string' ? { resource: source.name, container: source.container, path } : { resource: source.name, path }];
    });
    return { kind, name, utilization };
  }
  const utilization = asList(spec.triggers).flatMap((entry, index): UtilizationTarget[] => {
    const trigger = asRecord(entry) ?? {};
    if ((trigger.type !== 'cpu' && trigger.type !== 'memory') || (trigger.metricType ?? 'Utilization') !== 'Utilization') return [];
    const metadata = asRecord(trigger.metadata) ?? {};
    const path = ['spec', 'triggers', index];
    return [typeof metadata.containerName === 'string' ? { resource: trigger.type, container: metadata.containerName, path } : { resource: trigger.type, path }];
  });
  return { kind, name, utilization };
}

/** A request, or a limit (the API server copies a limit into a missing request). */
function requests(container: Record<string, unknown>, resource: string): boolean {
  const resources = asRecord(container.resources) ?? {};
  return asRecord(resources.requests)?.[resource] !== undefined || asRecord(resources.limits)?.[resource] !== undefined;
}
