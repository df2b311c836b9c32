import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/** What an autoscaler scales: a HorizontalPodAutoscaler's `scaleTargetRef`, or a KEDA ScaledObject's (which makes an HPA; its kind defaults to Deployment). */
export interface ScaleTarget {
  /** `HPA` or `KEDA`: how the autoscaler's own fields are read. */
  via: 'HPA' | 'KEDA';
  kind: string;
  name: string;
}

export function scaleTargetOf(object: KubeObject): ScaleTarget | undefined {
  const group = apiGroup(object.apiVersion);
  const via = object.kind === 'HorizontalPodAutoscaler' && group === 'autoscaling' ? 'HPA' : object.kind === 'ScaledObject' && group === 'keda.sh' ? 'KEDA' : undefined;
  if (!via) return undefined;
  const ref = asRecord(asRecord(object.body.spec)?.scaleTargetRef) ?? {};
  const kind = ref.kind ?? (via === 'KEDA' ? 'Deployment' : undefined);
  return typeof kind === 'string' && typeof ref.name === 'string' ? { via, kind, name: ref.name } : undefined;
}
