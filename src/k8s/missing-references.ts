import type { LiveObject } from '../cluster/cluster-state.js';
import { conditionOf } from './conditions.js';
import { containerStatuses } from './container-statuses.js';
import { eventMessage } from './events.js';

/** A Secret, ConfigMap or claim a pod cannot start without, and how the cluster said so. */
export interface MissingReference {
  kind: 'Secret' | 'ConfigMap' | 'PersistentVolumeClaim';
  name: string;
  /** Set when the object exists but lacks the key the pod reads. */
  key?: string;
  /** `CreateContainerConfigError`, `FailedMount`, `Unschedulable`, or `no such claim`. */
  evidence: string;
}

// The kubelet's and scheduler's own words (pkg/kubelet/kubelet_pods.go, volume plugins, volumebinding).
const NOT_FOUND = /\b(secret|configmap|persistentvolumeclaim) "([^"]+)" not found/gi;
const MISSING_KEY = /couldn't find key (\S+) in (Secret|ConfigMap) [^/\s]+\/([^\s,;]+)/g;
const KINDS: Record<string, MissingReference['kind']> = { secret: 'Secret', configmap: 'ConfigMap', persistentvolumeclaim: 'PersistentVolumeClaim' };

/**
 * What keeps a pod from starting because something it names does not exist: read from its
 * containers' CreateContainerConfigError, its FailedMount events and the scheduler's condition,
 * and, when the namespace's claims were read (`claims`), from the claims its volumes name.
 * A pod that is running is not judged: whatever it lacks did not stop it.
 */
export function missingReferences(pod: LiveObject, podEvents: readonly LiveObject[], claims?: ReadonlySet<string>): MissingReference[] {
  const statuses = containerStatuses(pod);
  const starting = pod.status?.phase === 'Pending' || statuses.some((status) => status.state?.waiting?.reason === 'CreateContainerConfigError');
  if (!starting || pod.metadata.deletionTimestamp) return [];
  const found = new Map<string, MissingReference>();
  const add = (reference: MissingReference) => {
    const key = `${reference.kind}/${reference.name}/${reference.key ?? ''}`;
    if (!found.has(key)) found.set(key, reference);
  };
  const read = (text: string | undefined, evidence: string) => {
    for (const match of (text ?? '').matchAll(NOT_FOUND)) add({ kind: KINDS[match[1]!.toLowerCase()]!, name: match[2]!, evidence });
    for (const match of (text ?? '').matchAll(MISSING_KEY)) add({ kind: match[2] as 'Secret' | 'ConfigMap', name: match[3]!, key: match[1]!, evidence });
  };
  for (const status of statuses) {
    if (status.state?.waiting?.reason === 'CreateContainerConfigError') read(status.state.waiting.message, 'CreateContainerConfigError');
  }
  for (const event of podEvents) if (event.reason === 'FailedMount') read(eventMessage(event), 'FailedMount');
  const scheduled = conditionOf(pod.status, 'PodScheduled');
  if (scheduled?.status === 'False') read(scheduled.message, scheduled.reason ?? 'Unschedulable');
  if (claims && pod.status?.phase === 'Pending') {
    for (const volume of Array.isArray(pod.spec?.volumes) ? pod.spec.volumes : []) {
      const claim = volume?.persistentVolumeClaim?.claimName;
      if (typeof claim === 'string' && !claims.has(claim)) add({ kind: 'PersistentVolumeClaim', name: claim, evidence: 'no such claim' });
    }
  }
  return [...found.values()];
}
