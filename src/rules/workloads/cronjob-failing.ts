import type { LiveObject } from '../../cluster/cluster-state.js';
import { conditionOf } from '../../k8s/conditions.js';
import { controllerOf } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

function finished(job: LiveObject): 'failed' | 'complete' | undefined {
  if (conditionOf(job.status, 'Failed')?.status === 'True') return 'failed';
  if (conditionOf(job.status, 'Complete')?.status === 'True') return 'complete';
  return undefined;
}

export default {
  meta: {
    id: 'cronjob-failing',
    domain: 'workloads',
    severity: 'warning',
    title: "A CronJob's last runs failed",
    source: 'Argo CD 3.x CronJob health (last job failed → Degraded); seed 004 AAR (backup jobs failing silently)',
  },
  reads: ['CronJob', 'Job'],
  check(context) {
    const runs = new Map<string, LiveObject[]>();
    for (const job of context.list('Job')) {
      const owner = controllerOf(job);
      if (owner?.kind !== 'CronJob') continue;
      const key = `${job.metadata.namespace}/${owner.name}`;
      runs.set(key, [...(runs.get(key) ?? []), job]);
    }
    for (const cronJob of context.list('CronJob')) {
      const jobs = (runs.get(`${cronJob.metadata.namespace}/${cronJob.metadata.name}`) ?? [])
        .filter((job) => finished(job))
        .sort((a, b) => String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)));
      let failures = 0;
      while (failures < jobs.length && finished(jobs[failures]!) === 'failed') failures++;
      if (failures === 0) continue;
      context.report({
        object: cronJob,
        message: `the last ${failures === 1 ? 'run' : `${failures} runs`} failed (latest: Job ${jobs[0]!.metadata.name})${cronJob.status?.lastSuccessfulTime ? `; last success ${cronJob.status.lastSuccessfulTime}` : '; no successful run on record'}`,
        hint: `kubectl logs -n ${cronJob.metadata.namespace} job/${jobs[0]!.metadata.name} shows why.`,
      });
    }
  },
} satisfies HealthRule;
