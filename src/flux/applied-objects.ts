import { apiGroup, type KubeObject } from '../repo/object.js';
import type { FluxGraph } from './flux-graph.js';
import { objectIdentity } from './identity.js';
import { renderedObject } from './node-object.js';

/**
 * What reaches the cluster: in a Flux repo, every object its builds apply, once each; otherwise
 * the repo's documents (kustomize's own kustomization files excluded).
 */
export function appliedObjects(graph: FluxGraph, objects: readonly KubeObject[]): KubeObject[] {
  if (graph.nodes.length === 0) return objects.filter((object) => apiGroup(object.apiVersion) !== 'kustomize.config.k8s.io');
  const seen = new Set<string>();
  const result: KubeObject[] = [];
  for (const object of [...graph.roots.map((root) => root.object), ...graph.nodes.flatMap((node) => node.applies)]) {
    const identity = objectIdentity(object.body);
    if (seen.has(identity)) continue;
    seen.add(identity);
    result.push(renderedObject(object));
  }
  return result;
}
