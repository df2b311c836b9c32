import type { LiveObject } from '../cluster/cluster-state.js';

export interface ContainerStatus {
  name: string;
  restartCount?: number;
  ready?: boolean;
  state?: { waiting?: { reason?: string; message?: string }; running?: { startedAt?: string }; terminated?: Termination };
  lastState?: { terminated?: Termination };
}

export interface Termination {
  reason?: string;
  exitCode?: number;
  finishedAt?: string;
  message?: string;
}

/** Init and app containers' statuses, each with its role. */
export function containerStatuses(pod: LiveObject): (ContainerStatus & { init: boolean })[] {
  const list = (value: unknown, init: boolean) => (Array.isArray(value) ? value.map((status: ContainerStatus) => ({ ...status, init })) : []);
  return [...list(pod.status?.initContainerStatuses, true), ...list(pod.status?.containerStatuses, false)];
}

export function totalRestarts(pod: LiveObject): number {
  return containerStatuses(pod).reduce((sum, status) => sum + (status.restartCount ?? 0), 0);
}

/** `container app` or `init container migrate`. */
export function containerLabel(status: { name: string; init: boolean }): string {
  return `${status.init ? 'init container' : 'container'} ${status.name}`;
}

/** The owner that manages the pod (ReplicaSet, StatefulSet, Job…), if any. */
export function controllerOf(object: LiveObject): { kind: string; name: string } | undefined {
  return object.metadata.ownerReferences?.find((owner) => owner.controller) ?? object.metadata.ownerReferences?.[0];
}
