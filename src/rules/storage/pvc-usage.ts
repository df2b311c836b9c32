import type { LiveObject } from '../../cluster/cluster-state.js';
import { NODE_STATS } from '../../cluster/resources.js';
import type { HealthRule } from '../health-rule.js';

const GIB = 1024 ** 3;

export default {
  meta: {
    id: 'pvc-usage',
    domain: 'storage',
    severity: 'warning',
    title: 'A PersistentVolumeClaim is nearly full (kubelet volume stats)',
    source: 'seed 000 /disk-check; seed 003 storage-health-check.ts (usage %); anchors-live §12 (PVC fill %)',
    options: { warnPercent: 80, criticalPercent: 90 },
  },
  reads: [NODE_STATS],
  check(context) {
    const claims = new Map<string, LiveObject>(context.list('PersistentVolumeClaim').map((claim) => [`${claim.metadata.namespace}/${claim.metadata.name}`, claim]));
    for (const volume of context.cluster.volumeStats ?? []) {
      const percent = (volume.usedBytes / volume.capacityBytes) * 100;
      if (percent < Number(context.options.warnPercent)) continue;
      const critical = percent >= Number(context.options.criticalPercent);
      const claim = claims.get(`${volume.namespace}/${volume.claim}`);
      context.report({
        ...(claim ? { object: claim } : { resource: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: volume.namespace, name: volume.claim } }),
        severity: critical ? 'critical' : 'warning',
        message: `${percent.toFixed(1)}% full (${(volume.usedBytes / GIB).toFixed(1)} of ${(volume.capacityBytes / GIB).toFixed(1)} GiB, on node ${volume.node})`,
        hint: 'Grow the claim (its StorageClass needs allowVolumeExpansion: true), or clean up old data, logs and snapshots.',
      });
    }
  },
} satisfies HealthRule;
