import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pvc-pending',
    domain: 'storage',
    severity: 'warning',
    title: 'A PersistentVolumeClaim is not bound',
    source: 'seed 003 storage-health-check.ts; seed 000 /disk-check',
    options: { minutes: 5 },
  },
  reads: ['PersistentVolumeClaim'],
  check(context) {
    for (const claim of context.list('PersistentVolumeClaim')) {
      const phase = claim.status?.phase;
      if (phase === 'Bound') continue;
      const age = ageOf(claim.metadata.creationTimestamp, context.now);
      if (phase === 'Pending' && (age === undefined || age < Number(context.options.minutes) * MINUTE)) continue;
      const storageClass = claim.spec?.storageClassName;
      context.report({
        object: claim,
        severity: phase === 'Lost' ? 'critical' : 'warning',
        message: `${phase ?? 'Pending'}${age !== undefined ? ` for ${formatDuration(age)}` : ''}${storageClass ? ` (storage class ${storageClass})` : ' (no storage class)'}`,
        hint: phase === 'Lost'
          ? 'Its PersistentVolume is gone: restore it from backup, or recreate the claim.'
          : `kubectl describe pvc -n ${claim.metadata.namespace} ${claim.metadata.name} shows the provisioner's events (WaitForFirstConsumer waits for a pod).`,
      });
    }
  },
} satisfies HealthRule;
