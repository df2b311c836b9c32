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

const statusesByPod = new WeakMap<LiveObject, (ContainerStatus & { init: boolean })[]>();

/** Init and app containers' statuses, each with its role; computed once per pod for all pod checks. */
export function containerStatuses(pod: LiveObject): (ContainerStatus & { init: boolean })[] {
  let statuses = statusesByPod.get(pod);
  if (!statuses) {
    statuses = [];
    for (const status of (Array.isArray(pod.status?.initContainerStatuses) ? pod.status.initContainerStatuses : []) as ContainerStatus[]) statuses.push({ ...status, init: true });
    for (const status of (Array.isArray(pod.status?.containerStatuses) ? pod.status.containerStatuses : []) as ContainerStatus[]) statuses.push({ ...status, init: false });
    statusesByPod.set(pod, statuses);
  }
  return statuses;
}

export function totalRestarts(pod: LiveObject): number {
  let sum = 0;
  for (const status of containerStatuses(pod)) sum += status.restartCount ?? 0;
  return sum;
}

/** `container app` or `init container migrate`. */
export function containerLabel(status: { name: string; init: boolean }): string {
  return `${status.init ? 'init container' : 'container'} ${status.name}`;
}

/** The owner that manages the pod (ReplicaSet, StatefulSet, Job…), if any. */
export function controllerOf(object: LiveObject): { kind: string; name: string } | undefined {
  return object.metadata.ownerReferences?.find((owner) => owner.controller) ?? object.metadata.ownerReferences?.[0];
}

/** The container (init or app) of the pod's spec with this name. */
export function containerSpec(pod: LiveObject, name: string): { name: string; image?: string; resources?: { limits?: Record<string, string> } } | undefined {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((container: { name: string }) => container.name === name);
}
