import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { controllerOf } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'job-failed',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Job failed (BackoffLimitExceeded, DeadlineExceeded)',
    source: 'seed 002 triage (failed pipeline Jobs); seed 000 /vault-status (unseal Job)',
  },
  reads: ['Job'],
  check(context) {
    for (const job of context.list('Job')) {
      const failed = conditionOf(job.status, 'Failed');
      if (failed?.status !== 'True') continue;
      // A CronJob's runs are judged together by cronjob-failing.
      if (controllerOf(job)?.kind === 'CronJob') continue;
      context.report({
        object: job,
        message: `failed: ${describeCondition(failed)} (${job.status?.failed ?? 0} failed pods)`,
        hint: `kubectl logs -n ${job.metadata.namespace} job/${job.metadata.name} shows why; delete the Job to retry (Argo CD/Flux recreate it).`,
      });
    }
  },
} satisfies HealthRule;
