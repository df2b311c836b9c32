import { prometheusSize, prometheusSizeBytes, quantityBytes } from '../../k8s/byte-sizes.js';
import { inlineValues } from '../../k8s/helm-values.js';
import { getIn } from '../../k8s/pod-templates.js';
import { apiGroup, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Prometheus' own advice: retention size at most 80–85 % of the disk; the rest holds the WAL and head chunks. */
const HEADROOM = 0.85;

/** A Prometheus spec (the CR's, or kube-prometheus-stack's `prometheusSpec` values) and where it sits. */
interface PrometheusSpec {
  object: KubeObject;
  path: NodePath;
  spec: Record<string, unknown>;
  /** `storage` on the CR, `storageSpec` in the chart's values. */
  storageKey: 'storage' | 'storageSpec';
}

export default {
  meta: {
    id: 'prometheus-retention-exceeds-volume',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Prometheus retentionSize that leaves its volume no room for the WAL',
    source: 'M3; seed 002 and golden-rules/monitoring #2 (retention must fit the PVC); Prometheus storage docs: retention size at most 80-85 % of the disk',
  },
  check(context) {
    for (const { object, path, spec, storageKey } of prometheusSpecs(context.applied, context.objects)) {
      const retention = prometheusSizeBytes(spec.retentionSize);
      const storage = asRecord(spec[storageKey]);
      const volume = getIn(storage, ['volumeClaimTemplate', 'spec', 'resources', 'requests', 'storage']) ?? getIn(storage, ['emptyDir', 'sizeLimit']);
      const volumeBytes = quantityBytes(volume);
      if (!retention || !volumeBytes || retention <= volumeBytes * HEADROOM) continue;
      const share = Math.round((retention / volumeBytes) * 100);
      const full = retention >= volumeBytes;
      context.report({
        object,
        path: [...path, 'retentionSize'],
        severity: full ? 'critical' : 'warning',
        message: full
          ? `retentionSize ${String(spec.retentionSize)} does not fit the ${String(volume)} volume (Prometheus sizes are powers of 2: ${share} % of it): the disk fills before size retention deletes a block, and Prometheus stops with "no space left on device"`
          : `retentionSize ${String(spec.retentionSize)} is ${share} % of the ${String(volume)} volume: the WAL, the head chunks and compaction need the rest, and Prometheus advises at most 85 %`,
        hint: `Set retentionSize to at most ${prometheusSize(volumeBytes * HEADROOM)} (85 % of the volume, as Prometheus advises), or grow the volume.`,
      });
    }
  },
} satisfies Rule;

/** Prometheus CRs as they reach the cluster, and kube-prometheus-stack values written inline (helm-values.ts). */
function prometheusSpecs(applied: readonly KubeObject[], objects: readonly KubeObject[]): PrometheusSpec[] {
  const specs: PrometheusSpec[] = [];
  const add = (object: KubeObject, path: NodePath, spec: Record<string, unknown> | undefined, storageKey: PrometheusSpec['storageKey']) => {
    if (spec) specs.push({ object, path, spec, storageKey });
  };
  for (const object of applied) if (object.kind === 'Prometheus' && apiGroup(object.apiVersion) === 'monitoring.coreos.com') add(object, ['spec'], asRecord(object.body.spec), 'storage');
  for (const { object, path, values } of inlineValues(applied, objects)) add(object, [...path, 'prometheus', 'prometheusSpec'], asRecord(asRecord(values.prometheus)?.prometheusSpec), 'storageSpec');
  return specs;
}
