import type { LiveObject } from '../../cluster/cluster-state.js';
import { quantityBytes } from '../../k8s/byte-sizes.js';
import { eventMessage, eventTime, involvedObjectOf } from '../../k8s/events.js';
import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthContext, HealthRule } from '../health-rule.js';

/** Why a claim that asks for more than it has is not growing; undefined while the resize may still be under way. */
interface Stall {
  why: string;
  /** The volume grew and its filesystem waits for a mount; otherwise the resize itself is stuck. */
  filesystem: boolean;
}

export default {
  meta: {
    id: 'pvc-resize-stuck',
    domain: 'storage',
    severity: 'warning',
    title: 'A PersistentVolumeClaim asks for more storage than it has, and the resize failed or stalled',
    source: 'ST5 and seed 002 (Prometheus disk full: the claim was raised, the volume was not); the resize conditions, allocatedResourceStatuses and VolumeResizeFailed events Kubernetes writes',
    options: { minutes: 30 },
  },
  reads: ['PersistentVolumeClaim', 'Event'],
  check(context) {
    const failures = resizeFailures(context);
    for (const claim of context.list('PersistentVolumeClaim')) {
      const requested = claim.spec?.resources?.requests?.storage;
      const capacity = claim.status?.capacity?.storage;
      const wanted = quantityBytes(requested);
      const has = quantityBytes(capacity);
      if (claim.status?.phase !== 'Bound' || wanted === undefined || has === undefined || wanted <= has) continue;
      const stall = stallOf(claim, failures.get(`${claim.metadata.namespace ?? ''}/${claim.metadata.name}`), context.now, Number(context.options.minutes) * MINUTE);
      if (!stall) continue;
      const describe = `kubectl describe pvc -n ${claim.metadata.namespace} ${claim.metadata.name}`;
      context.report({
        object: claim,
        message: `asks for ${String(requested)} but has ${String(capacity)}: ${stall.why}`,
        hint: stall.filesystem
          ? `The volume grew; its filesystem grows when a pod mounts it again: restart the pod that uses it (${describe} names it).`
          : `${describe} shows the resizer's events. The StorageClass must allow expansion and its CSI driver support it; drivers that expand only detached volumes need the workload scaled to 0 until the claim shows the new size.`,
      });
    }
  },
} satisfies HealthRule;

function stallOf(claim: LiveObject, failure: string | undefined, now: Date, patience: number): Stall | undefined {
  for (const type of ['ControllerResizeError', 'NodeResizeError']) {
    const condition = conditionOf(claim.status, type);
    if (condition?.status === 'True') return { why: `${type} (${describeCondition(condition)})`, filesystem: false };
  }
  const allocation = claim.status?.allocatedResourceStatuses?.storage;
  if (typeof allocation === 'string' && allocation.endsWith('Infeasible')) return { why: `the resize is ${allocation}${failure ? ` (${failure})` : ''}`, filesystem: false };
  if (failure) return { why: `the resize failed (${failure})`, filesystem: false };
  for (const type of ['FileSystemResizePending', 'Resizing']) {
    const condition = conditionOf(claim.status, type);
    const age = ageOf(condition?.lastTransitionTime, now);
    if (condition?.status !== 'True' || age === undefined || age < patience) continue;
    return type === 'FileSystemResizePending'
      ? { why: `the volume grew ${formatDuration(age)} ago and its filesystem is still waiting for a pod to mount it`, filesystem: true }
      : { why: `resizing for ${formatDuration(age)}`, filesystem: false };
  }
  return undefined;
}

/** The newest VolumeResizeFailed warning of each claim (namespace/name → its message). */
function resizeFailures(context: HealthContext): Map<string, string> {
  const newest = new Map<string, { at: string; message: string }>();
  for (const event of context.list('Event')) {
    const involved = involvedObjectOf(event);
    if (event.reason !== 'VolumeResizeFailed' || involved?.kind !== 'PersistentVolumeClaim' || !involved.name) continue;
    const at = eventTime(event);
    const key = `${involved.namespace ?? ''}/${involved.name}`;
    const message = eventMessage(event).split('\n')[0]!.trim();
    if (!newest.has(key) || newest.get(key)!.at < at) newest.set(key, { at, message: message.length > 200 ? `${message.slice(0, 197)}...` : message });
  }
  return new Map([...newest].map(([key, { message }]) => [key, message]));
}
