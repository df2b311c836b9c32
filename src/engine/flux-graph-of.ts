import type { KubeObject } from '../repo/object.js';
import { buildFluxGraph, type FluxGraph } from '../flux/flux-graph.js';
import { embeddedBundle } from '../schema/bundle.js';
import { PathFacts } from '../repo/path-facts.js';

/**
 * The Flux graph of a loaded repository rooted at `root` (the checked directory). Builds follow
 * kustomize, which namespaces every kind it does not know to be cluster-scoped, custom ones too.
 * `paths`: the loader's facts from the walk, which answer most "does this path exist" questions;
 * `otherDocuments`: the files that hold documents other than objects, which kustomize refuses.
 */
export function fluxGraphOf(root: string, objects: readonly KubeObject[], paths = new PathFacts(root), otherDocuments: ReadonlySet<string> = new Set()): FluxGraph {
  const bundle = embeddedBundle();
  return buildFluxGraph(root, objects, bundle, { bundle }, paths, otherDocuments);
}
