import type { LiveObject } from '../../cluster/cluster-state.js';
import { ageOf, DAY } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

const FAILED = new Set(['Failed', 'PartiallyFailed', 'FailedValidation']);

export default {
  meta: {
    id: 'velero-backup-failed',
    domain: 'backups',
    severity: 'warning',
    title: "A schedule's newest Velero backup failed, or a manual backup failed recently",
    source: "seed 001 (Velero); Argo CD's velero.io/Backup health.lua (Failed, PartiallyFailed, FailedValidation → Degraded)",
    options: { days: 7 },
  },
  reads: ['Backup'],
  check(context) {
    const newest = new Map<string, LiveObject>();
    for (const backup of context.list('Backup')) {
      const schedule = backup.metadata.labels?.['velero.io/schedule-name'];
      const key = schedule ? `${backup.metadata.namespace}/${schedule}` : `manual/${backup.metadata.namespace}/${backup.metadata.name}`;
      const seen = newest.get(key);
      if (!seen || String(backup.metadata.creationTimestamp) > String(seen.metadata.creationTimestamp)) newest.set(key, backup);
    }
    for (const [key, backup] of newest) {
      const phase = backup.status?.phase;
      if (!FAILED.has(phase)) continue;
      const manual = key.startsWith('manual/');
      const age = ageOf(backup.metadata.creationTimestamp, context.now);
      if (manual && (age === undefined || age > Number(context.options.days) * DAY)) continue;
      const errors = backup.status?.errors ? `, ${backup.status.errors} errors` : '';
      context.report({
        object: backup,
        severity: phase === 'PartiallyFailed' ? 'warning' : 'critical',
        message: `${phase}${errors}${backup.status?.failureReason ? `: ${backup.status.failureReason}` : ''}${manual ? '' : ` (the newest backup of schedule ${backup.metadata.labels!['velero.io/schedule-name']})`}`,
        hint: `velero backup describe ${backup.metadata.name} --details and velero backup logs ${backup.metadata.name} say which resources or volumes failed.`,
      });
    }
  },
} satisfies HealthRule;
