import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import { scaleTargetOf } from '../../k8s/scale-target.js';
import { selects } from '../../k8s/selectors.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Workloads whose pods a drain evicts (a DaemonSet's are skipped by `kubectl drain --ignore-daemonsets`). */
const EVICTED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

export default {
  meta: {
    id: 'pdb-blocks-eviction',
    domain: 'workloads',
    severity: 'warning',
    title: 'A PodDisruptionBudget that allows no eviction (maxUnavailable 0, or minAvailable as many as the pods)',
    source: 'W8 (PDBs, done right); T1 (upgrade node by node, wait for Ready): a drain waits on such a budget forever; kube-linter pdb-max-unavailable and pdb-min-available',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    // Replicas an autoscaler sets change; such workloads are not counted.
    const autoscaled = new Set(
      context.applied.flatMap((object) => {
        const target = scaleTargetOf(object);
        return target ? [`${namespaceOf(object) ?? ''}/${target.kind}/${target.name}`] : [];
      }),
    );
    const workloads = context.applied.filter((object) => EVICTED.has(object.kind) && apiGroup(object.apiVersion) === 'apps');
    for (const budget of context.applied) {
      if (budget.kind !== 'PodDisruptionBudget' || apiGroup(budget.apiVersion) !== 'policy') continue;
      const spec = asRecord(budget.body.spec) ?? {};
      const namespace = namespaceOf(budget);
      if (namespace === undefined) continue;
      const selected = workloads.filter((workload) => namespaceOf(workload) === namespace && selects(spec.selector, asRecord(podTemplateOf(workload)?.metadata?.labels) ?? {}));
      // Pods the repo does not hold (a chart's, an operator's) cannot be counted: judge only budgets over its own workloads.
      if (selected.length === 0) continue;
      const names = [...new Set(selected.map((workload) => `${workload.kind} ${workload.name ?? ''}`))].join(', ');
      if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0%') {
        context.report({
          object: budget,
          path: ['spec', 'maxUnavailable'],
          message: `maxUnavailable ${String(spec.maxUnavailable)} allows no voluntary eviction of ${names}'s pods: \`kubectl drain\` and node upgrades (system-upgrade-controller, Talos, kured) wait on them forever`,
          hint: 'Use maxUnavailable: 1 (a drain then moves one pod at a time), or delete the budget for a single-replica app.',
        });
        continue;
      }
      if (spec.minAvailable === undefined || selected.some((workload) => autoscaled.has(`${namespace}/${workload.kind}/${workload.name ?? ''}`))) continue;
      // One workload written in two places (two Applications' paths) runs its pods once: counted once, at its largest.
      const replicas = new Map<string, number>();
      for (const workload of selected) {
        const id = `${workload.kind}/${workload.name ?? ''}`;
        replicas.set(id, Math.max(replicas.get(id) ?? 0, replicasOf(workload)));
      }
      const pods = [...replicas.values()].reduce((sum, count) => sum + count, 0);
      const needed = required(spec.minAvailable, pods);
      if (pods === 0 || needed === undefined || needed < pods) continue;
      context.report({
        object: budget,
        path: ['spec', 'minAvailable'],
        message: `minAvailable ${String(spec.minAvailable)} of the ${pods} pod${pods === 1 ? '' : 's'} it selects (${names}) allows no voluntary eviction: \`kubectl drain\` and node upgrades (system-upgrade-controller, Talos, kured) wait on them forever`,
        hint: pods === 1 ? 'A single replica cannot stay available through a drain: delete the budget, or run 2 replicas with minAvailable: 1.' : `Use minAvailable: ${pods - 1} or less (or maxUnavailable: 1).`,
      });
    }
  },
} satisfies Rule;

function replicasOf(workload: KubeObject): number {
  const replicas = asRecord(workload.body.spec)?.replicas;
  return typeof replicas === 'number' ? replicas : 1;
}

/** Pods that must stay: a number, or a percentage of the pods rounded up, as the disruption controller computes it. */
function required(minAvailable: unknown, pods: number): number | undefined {
  if (typeof minAvailable === 'number') return minAvailable;
  const percent = typeof minAvailable === 'string' ? /^(\d+)%$/.exec(minAvailable) : null;
  return percent ? Math.ceil((Number(percent[1]) * pods) / 100) : undefined;
}
