import type { FluxGraph } from '../flux/flux-graph.js';
import { sourceDocument, type KubeObject, type ObjectSource } from '../repo/object.js';
import { copyBody } from './copy-body.js';
import type { StandaloneBuild } from './standalone-builds.js';

/**
 * Whether a document reaches the cluster through kustomize: a Flux build (Flux runs kustomize on
 * every path, generating a kustomization where there is none), or a kustomization directory
 * applied with `kubectl apply -k` or by Argo CD. kustomize reads YAML as yaml.v3 does, so such a
 * document's `yes` and `off` arrive as strings; everything else is applied as Kubernetes decodes it.
 */
export function readByKustomize(flux: FluxGraph, standalone: readonly StandaloneBuild[]): (object: KubeObject) => boolean {
  const read = new Set<string>();
  for (const node of flux.nodes) for (const built of node.applies) if (built.source) read.add(sourceDocument(built.source));
  for (const build of standalone) for (const built of build.objects) if (built.source) read.add(sourceDocument(built.source));
  return (object) => object.source !== undefined && read.has(sourceDocument(object.source));
}

/**
 * A document's body as kustomize reads it: each boolean written `yes`, `off`… is the string it is
 * written as. The same body when it has none (most have none), else a copy.
 */
export function kustomizeBody<T extends Record<string, unknown>>(object: { body: T; source?: ObjectSource }): T {
  const written = object.source?.yaml11OnlyBooleans?.() ?? [];
  if (written.length === 0) return object.body;
  const body = copyBody(object.body);
  for (const { path, spelling } of written) {
    const parent = path.slice(0, -1).reduce<unknown>((value, segment) => (value as Record<string | number, unknown>)[segment], body) as Record<string | number, unknown>;
    parent[path[path.length - 1]!] = spelling;
  }
  return body;
}
