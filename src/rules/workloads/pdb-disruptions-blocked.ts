import { selects } from '../../k8s/selectors.js';
import type { LiveObject } from '../../cluster/cluster-state.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pdb-disruptions-blocked',
    domain: 'workloads',
    severity: 'warning',
    title: 'A PodDisruptionBudget allows no eviction while all its pods are healthy (a drain waits on it)',
    source: 'T1 (upgrade node by node, wait for Ready); seed 002 (a node left cordoned after maintenance); the disruption controller’s status: disruptionsAllowed 0 with every pod healthy is the budget, not an outage',
  },
  reads: ['PodDisruptionBudget', 'Pod', 'Node'],
  check(context) {
    const cordoned = new Set(context.list('Node').filter((node) => node.spec?.unschedulable === true).map((node) => node.metadata.name));
    for (const budget of context.list('PodDisruptionBudget')) {
      const status = budget.status ?? {};
      const expected = Number(status.expectedPods ?? 0);
      // Fewer healthy pods than desired is an outage the pod checks report; here every pod is healthy and still none may go.
      if (expected === 0 || status.disruptionsAllowed !== 0 || Number(status.currentHealthy ?? 0) < Number(status.desiredHealthy ?? 0)) continue;
      const pods = context.list('Pod').filter((pod) => pod.metadata.namespace === budget.metadata.namespace && selects(budget.spec?.selector, pod.metadata.labels ?? {}));
      const stuck = pods.filter((pod) => typeof pod.spec?.nodeName === 'string' && cordoned.has(pod.spec.nodeName));
      const rule = budget.spec?.maxUnavailable !== undefined ? `maxUnavailable ${String(budget.spec.maxUnavailable)}` : `minAvailable ${String(budget.spec?.minAvailable)}`;
      context.report({
        object: budget,
        ...(stuck.length > 0 ? { severity: 'critical' as const } : {}),
        message:
          stuck.length > 0
            ? `allows no eviction (${rule}, ${expected} pod${expected === 1 ? '' : 's'}, all healthy) and ${stuck.map((pod) => pod.metadata.name).join(', ')} sit${stuck.length === 1 ? 's' : ''} on cordoned node ${[...new Set(stuck.map((pod) => pod.spec.nodeName as string))].join(', ')}: a drain there is waiting on this budget and will not finish`
            : `allows no eviction (${rule}, ${expected} pod${expected === 1 ? '' : 's'}, all healthy): \`kubectl drain\` and node upgrades wait on these pods forever`,
        hint: `${expected === 1 ? 'A single pod cannot stay available through a drain: delete the budget (or run 2 replicas with minAvailable: 1)' : `Leave a pod to evict: maxUnavailable: 1 or minAvailable: ${expected - 1}`}${ownerHint(budget)}; to let a waiting drain finish now, delete the pod by hand.`,
      });
    }
  },
} satisfies HealthRule;

/** An operator's budget comes back when deleted: say where it is made. */
function ownerHint(budget: LiveObject): string {
  const owner = budget.metadata.ownerReferences?.find((reference) => reference.controller === true);
  if (!owner) return '';
  const cnpg = owner.apiVersion.startsWith('postgresql.cnpg.io/') ? ' (CloudNativePG: spec.enablePDB: false on a one-instance Cluster)' : '';
  return ` — ${owner.kind} ${owner.name} makes this budget, so change it there${cnpg}`;
}
