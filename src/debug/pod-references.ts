import type { LiveObject } from '../cluster/cluster-state.js';
import { podTemplateReferences, type ReferencedKind } from '../k8s/object-references.js';
import { getIn, podTemplateOf } from '../k8s/pod-templates.js';
import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/** A ConfigMap, Secret or claim a live pod names, and what it is for. */
export interface PodReference {
  kind: ReferencedKind;
  name: string;
  /** The one key read (`secretKeyRef.key`, `configMapKeyRef.key`), if any. */
  key?: string;
  optional: boolean;
  /** `volume config`, `env DB_PASSWORD of container app`, `envFrom of container app`, `imagePullSecrets`. */
  usedBy: string;
}

/** Every ConfigMap, Secret and PersistentVolumeClaim the pod names, with the same reading `hctl check` uses for templates. */
export function podReferences(pod: LiveObject): PodReference[] {
  const object: KubeObject = { apiVersion: pod.apiVersion, kind: 'Pod', name: pod.metadata.name, body: pod as unknown as Record<string, unknown>, sopsEncrypted: false };
  const template = podTemplateOf(object);
  if (!template) return [];
  const references: PodReference[] = [];
  for (const reference of podTemplateReferences(template)) {
    if (reference.name === undefined) continue;
    // The path ends at `name`; its parent holds `key`, and the path says where it is used.
    const parent = asRecord(getIn(pod, reference.path.slice(0, -1)));
    const key = typeof parent?.key === 'string' ? parent.key : undefined;
    references.push({ kind: reference.kind, name: reference.name, ...(key ? { key } : {}), optional: reference.optional, usedBy: usedBy(pod, reference.path) });
  }
  for (const entry of Array.isArray(pod.spec?.imagePullSecrets) ? pod.spec.imagePullSecrets : []) {
    const name = asRecord(entry)?.name;
    if (typeof name === 'string' && name) references.push({ kind: 'Secret', name, optional: false, usedBy: 'imagePullSecrets' });
  }
  return references;
}

function usedBy(pod: LiveObject, path: readonly (string | number)[]): string {
  if (path[1] === 'volumes') return `volume ${String(asRecord(getIn(pod, path.slice(0, 3)))?.name ?? path[2])}`;
  const container = asRecord(getIn(pod, path.slice(0, 3)));
  const owner = `${path[1] === 'initContainers' ? 'init container' : 'container'} ${String(container?.name ?? path[2])}`;
  if (path[3] === 'envFrom') return `envFrom of ${owner}`;
  if (path[3] === 'env') return `env ${String(asRecord(getIn(pod, path.slice(0, 5)))?.name ?? path[4])} of ${owner}`;
  return owner;
}
