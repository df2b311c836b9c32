import { podTemplateOf } from '../../k8s/pod-templates.js';
import { apiGroup } from '../../repo/object.js';
import { asRecord, asStrings } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const SINGLE_NODE_MODES = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

export default {
  meta: {
    id: 'workload-rwo-rolling-update',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Deployment that mounts a ReadWriteOnce volume but rolls out with RollingUpdate',
    source: 'W7; platform-lab commits bfdab2f "Fix n8n: add Recreate strategy for RWO PVC" and 083ad66 (open-webui)',
  },
  check(context) {
    const claims = new Map<string, string[]>();
    for (const object of context.applied) {
      if (object.kind !== 'PersistentVolumeClaim' || object.apiVersion !== 'v1') continue;
      const modes = asRecord(object.body.spec)?.accessModes;
      claims.set(`${object.namespace ?? ''}/${object.name}`, asStrings(modes));
    }
    for (const object of context.applied) {
      if (object.kind !== 'Deployment' || apiGroup(object.apiVersion) !== 'apps') continue;
      const strategy = asRecord(asRecord(object.body.spec)?.strategy);
      if (strategy?.type === 'Recreate') continue;
      const volumes = podTemplateOf(object)?.spec.volumes;
      for (const volume of Array.isArray(volumes) ? volumes : []) {
        const claim = asRecord(asRecord(volume)?.persistentVolumeClaim)?.claimName;
        const modes = claims.get(`${object.namespace ?? ''}/${String(claim)}`);
        if (!modes || modes.length === 0 || !modes.every((mode) => SINGLE_NODE_MODES.has(mode))) continue;
        context.report({
          object,
          path: strategy ? ['spec', 'strategy'] : ['spec'],
          key: true,
          message: `mounts ReadWriteOnce volume ${String(claim)} with a RollingUpdate strategy: the new pod waits for a volume the old pod holds, and the rollout hangs`,
          hint: 'Set spec.strategy.type: Recreate (the old pod stops before the new one starts).',
        });
        break;
      }
    }
  },
} satisfies Rule;
