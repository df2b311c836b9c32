import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pv-released',
    domain: 'storage',
    severity: 'warning',
    title: 'A PersistentVolume is Released (its claim is gone) or Failed',
    source: 'seed 004 AAR (Released PVs holding disk); seed 003 storage-health-check.ts',
  },
  reads: ['PersistentVolume'],
  check(context) {
    for (const volume of context.list('PersistentVolume')) {
      const phase = volume.status?.phase;
      if (phase !== 'Released' && phase !== 'Failed') continue;
      const claim = volume.spec?.claimRef ? `${volume.spec.claimRef.namespace}/${volume.spec.claimRef.name}` : 'none';
      context.report({
        object: volume,
        severity: phase === 'Failed' ? 'critical' : 'warning',
        message: `${phase} (${volume.spec?.capacity?.storage ?? '?'}, reclaim policy ${volume.spec?.persistentVolumeReclaimPolicy ?? '?'}, was claimed by ${claim})${volume.status?.message ? `: ${volume.status.message}` : ''}`,
        hint: phase === 'Released'
          ? 'Back up what you need, then delete the PV (and its disk), or clear spec.claimRef to let a new claim bind it.'
          : 'The provisioner could not reclaim it: check the CSI driver logs.',
      });
    }
  },
} satisfies HealthRule;
