import type { KubeObject } from '../repo/object.js';
import type { RenderedObject } from '../render/kustomize.js';
import { metadataOf } from '../render/transformers.js';
import type { FluxNode } from './flux-graph.js';

/** A rendered object as rules see objects: its effective identity, located in its source file. */
export function renderedObject(object: RenderedObject): KubeObject {
  const metadata = metadataOf(object.body);
  const result: KubeObject = {
    apiVersion: String(object.body.apiVersion ?? ''),
    kind: String(object.body.kind ?? ''),
    body: object.body,
    sopsEncrypted: object.body.sops !== undefined,
    ...(object.source ? { source: object.source } : {}),
  };
  if (typeof metadata.name === 'string') result.name = metadata.name;
  if (typeof metadata.namespace === 'string') result.namespace = metadata.namespace;
  return result;
}

export function nodeObject(node: FluxNode): KubeObject {
  return { ...renderedObject(node.object), namespace: node.namespace };
}
