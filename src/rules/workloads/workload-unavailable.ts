import type { LiveObject } from '../../cluster/cluster-state.js';
import type { HealthRule } from '../health-rule.js';

/** Desired and ready replicas as each controller reports them. */
function replicasOf(object: LiveObject): { desired: number; ready: number } | undefined {
  if (object.kind === 'DaemonSet') return { desired: object.status?.desiredNumberScheduled ?? 0, ready: object.status?.numberAvailable ?? object.status?.numberReady ?? 0 };
  const desired = object.spec?.replicas ?? 1;
  const ready = object.kind === 'Deployment' ? (object.status?.availableReplicas ?? 0) : (object.status?.readyReplicas ?? 0);
  return { desired, ready };
}

export default {
  meta: {
    id: 'workload-unavailable',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Deployment, StatefulSet or DaemonSet has unavailable replicas (critical when none is available)',
    source: 'seed 000 /cluster-health; seed 003 k8s-health-check.ts (deployments not ready)',
  },
  reads: ['Deployment', 'StatefulSet', 'DaemonSet'],
  check(context) {
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet']) {
      for (const object of context.list(kind)) {
        const replicas = replicasOf(object);
        if (!replicas || replicas.desired === 0 || replicas.ready >= replicas.desired) continue;
        context.report({
          object,
          severity: replicas.ready === 0 ? 'critical' : 'warning',
          message: `${replicas.ready}/${replicas.desired} ${kind === 'DaemonSet' ? 'scheduled pods' : 'replicas'} available${replicas.ready === 0 ? ': the workload is down' : ''}`,
          hint: `Its pods' findings say why; or kubectl describe ${kind.toLowerCase()} -n ${object.metadata.namespace} ${object.metadata.name}.`,
        });
      }
    }
  },
} satisfies HealthRule;
