import { conditionOf } from '../../k8s/conditions.js';
import { ageOf, DAY, formatDuration } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'job-suspended',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Job or CronJob has been suspended for days',
    source: 'seed 004 AAR (a backup CronJob suspended during an incident and forgotten)',
    options: { days: 3 },
  },
  reads: ['Job', 'CronJob'],
  check(context) {
    for (const kind of ['Job', 'CronJob']) {
      for (const object of context.list(kind)) {
        if (object.spec?.suspend !== true) continue;
        // A Job says when it was suspended; a CronJob only how long it exists.
        const since = conditionOf(object.status, 'Suspended')?.lastTransitionTime ?? object.status?.lastScheduleTime ?? object.metadata.creationTimestamp;
        const age = ageOf(since, context.now);
        if (age === undefined || age < Number(context.options.days) * DAY) continue;
        context.report({
          object,
          message: `suspended${kind === 'CronJob' ? ' (no runs since ' + (object.status?.lastScheduleTime ?? 'creation') + ')' : ''} for ${formatDuration(age)}`,
          hint: `Resume it (spec.suspend: false in Git) or delete it if it is no longer needed.`,
        });
      }
    }
  },
} satisfies HealthRule;
