import { podTemplateOf } from '../../k8s/pod-templates.js';
import { selects } from '../../k8s/selectors.js';
import { apiGroup } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'workload-no-pdb',
    domain: 'workloads',
    severity: 'warning',
    title: 'A multi-replica workload without a PodDisruptionBudget',
    source: 'W8; seed 001 (PDBs for backend, frontend and postgres; "Uptime target 99% … HA Vault, HPAs, PDBs")',
  },
  check(context) {
    const budgets = context.applied.filter((object) => object.kind === 'PodDisruptionBudget' && apiGroup(object.apiVersion) === 'policy');
    for (const object of context.applied) {
      if ((object.kind !== 'Deployment' && object.kind !== 'StatefulSet') || apiGroup(object.apiVersion) !== 'apps') continue;
      const replicas = asRecord(object.body.spec)?.replicas;
      if (typeof replicas !== 'number' || replicas < 2) continue;
      const labels = asRecord(podTemplateOf(object)?.metadata?.labels) ?? {};
      const covered = budgets.some((budget) => budget.namespace === object.namespace && selects(asRecord(budget.body.spec)?.selector, labels));
      if (covered) continue;
      context.report({
        object,
        path: ['spec', 'replicas'],
        message: `runs ${replicas} replicas but no PodDisruptionBudget selects its pods: a node drain may evict them all at once`,
        hint: 'Add a PodDisruptionBudget with minAvailable: 1 (or maxUnavailable: 1) and the pod labels as its selector.',
      });
    }
  },
} satisfies Rule;
