import type { LiveObject } from '../../cluster/cluster-state.js';
import { previousRuns } from '../../k8s/cron-schedule.js';
import { ageOf, formatDuration } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

function finishedAt(backup: LiveObject): string | undefined {
  return backup.status?.completionTimestamp ?? backup.status?.startTimestamp ?? backup.metadata.creationTimestamp;
}

export default {
  meta: {
    id: 'velero-backup-stale',
    domain: 'backups',
    severity: 'critical',
    title: "A Velero Schedule's last Completed backup is older than its schedule allows",
    source: 'seed 001 (Velero nightly backups); anchors-live §12 (backup freshness, no anchor checks it)',
  },
  reads: ['Schedule', 'Backup'],
  check(context) {
    const backups = context.list('Backup');
    for (const schedule of context.list('Schedule')) {
      const name = schedule.metadata.name;
      if (schedule.spec?.paused === true) {
        context.report({ object: schedule, severity: 'warning', message: 'is paused: no backups are being taken', hint: 'Unpause it (spec.paused: false in Git) unless the data is gone for good.' });
        continue;
      }
      const runs = previousRuns(String(schedule.spec?.schedule ?? ''), context.now, 2);
      if (!runs) {
        context.report({ object: schedule, severity: 'warning', message: `schedule "${schedule.spec?.schedule}" cannot be read as cron, so its freshness is unknown`, hint: 'Use a five-field cron expression or @every <duration>.' });
        continue;
      }
      // The newest run may still be in progress; the one before it must have produced a backup.
      const deadline = runs[1]!;
      const completed = backups
        .filter((backup) => backup.metadata.labels?.['velero.io/schedule-name'] === name && backup.metadata.namespace === schedule.metadata.namespace && backup.status?.phase === 'Completed')
        .map(finishedAt)
        .filter((time): time is string => typeof time === 'string')
        .sort()
        .reverse();
      const last = completed[0];
      if (last && Date.parse(last) >= deadline.getTime()) continue;
      const created = Date.parse(schedule.metadata.creationTimestamp ?? '');
      if (!last && (Number.isNaN(created) || created > deadline.getTime())) continue; // too new to have run twice
      context.report({
        object: schedule,
        message: last
          ? `last Completed backup finished ${formatDuration(ageOf(last, context.now)!)} ago (${last}); "${schedule.spec.schedule}" should have produced one since ${deadline.toISOString()}`
          : `has no Completed backup at all ("${schedule.spec.schedule}", scheduled since ${schedule.metadata.creationTimestamp})`,
        hint: `velero backup get --selector velero.io/schedule-name=${name} shows the recent attempts; velero backup logs NAME says why they failed.`,
      });
    }
  },
} satisfies HealthRule;
