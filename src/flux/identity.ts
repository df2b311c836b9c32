import type { KubeObject } from '../repo/object.js';
import { metadataOf } from '../render/transformers.js';

/** group/kind/namespace/name of an object body: what the API server treats as one object. */
export function objectIdentity(body: Record<string, unknown>, defaultNamespace = ''): string {
  const metadata = metadataOf(body);
  const group = String(body.apiVersion ?? '').split('/').slice(0, -1).join('/');
  return `${group}/${String(body.kind)}/${String(metadata.namespace ?? defaultNamespace)}/${String(metadata.name)}`;
}

/** An unreached Flux Kustomization's identity as written (Flux's own default namespace). */
export function unreachedIdentity(object: KubeObject): string {
  return objectIdentity(object.body, 'flux-system');
}
