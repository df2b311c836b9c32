import type { FluxGraph } from '../flux/flux-graph.js';
import type { KubeObject, ObjectSource } from '../repo/object.js';
import type { StandaloneBuild } from './standalone-builds.js';

/**
 * Whether a document reaches the cluster through kustomize: a Flux build (Flux runs kustomize on
 * every path, generating a kustomization where there is none), or a kustomization directory
 * applied with `kubectl apply -k` or by Argo CD. kustomize reads YAML as yaml.v3 does, so such a
 * document's `yes` and `off` arrive as strings; everything else is applied as Kubernetes decodes it.
 */
export function readByKustomize(flux: FluxGraph, standalone: readonly StandaloneBuild[]): (object: KubeObject) => boolean {
  const read = new Set<string>();
  for (const node of flux.nodes) for (const built of node.applies) if (built.source) read.add(documentOf(built.source));
  for (const build of standalone) for (const built of build.objects) if (built.source) read.add(documentOf(built.source));
  return (object) => object.source !== undefined && read.has(documentOf(object.source));
}

function documentOf(source: ObjectSource): string {
  return `${source.file}#${source.documentIndex}`;
}
