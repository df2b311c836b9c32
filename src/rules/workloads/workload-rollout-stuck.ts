import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'workload-rollout-stuck',
    domain: 'workloads',
    severity: 'critical',
    title: 'A rollout is stuck: the Deployment exceeded its progress deadline',
    source: 'seed 002 triage (stuck rollouts); Argo CD health (Deployment Progressing=False → Degraded)',
  },
  reads: ['Deployment'],
  check(context) {
    for (const deployment of context.list('Deployment')) {
      const progressing = conditionOf(deployment.status, 'Progressing');
      if (progressing?.status !== 'False' || progressing.reason !== 'ProgressDeadlineExceeded') continue;
      context.report({
        object: deployment,
        message: `rollout stuck (${describeCondition(progressing)}); ${deployment.status?.updatedReplicas ?? 0}/${deployment.spec?.replicas ?? 1} replicas updated`,
        hint: `kubectl rollout status -n ${deployment.metadata.namespace} deployment/${deployment.metadata.name}; fix the new pods, or kubectl rollout undo.`,
      });
    }
  },
} satisfies HealthRule;
