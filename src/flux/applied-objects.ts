import { apiGroup, sourceDocument, type KubeObject } from '../repo/object.js';
import type { StandaloneBuild } from '../render/standalone-builds.js';
import type { RenderedObject } from '../render/kustomize.js';
import type { FluxGraph } from './flux-graph.js';
import { objectIdentity } from './identity.js';
import { renderedObject } from './node-object.js';

/**
 * What reaches the cluster: in a Flux repo, every object its builds apply, once each. Otherwise
 * the repo's kustomizations as kustomize builds them (namespaces, patches, generated ConfigMaps),
 * and the documents that no successful build includes as written.
 */
export function appliedObjects(graph: FluxGraph, objects: readonly KubeObject[], standalone: () => readonly StandaloneBuild[]): KubeObject[] {
  if (graph.nodes.length > 0) return once([...graph.roots.map((root) => root.object), ...graph.nodes.flatMap((node) => node.applies)]);
  const built = standalone().flatMap((build) => build.objects);
  const covered = new Set(built.flatMap((object) => (object.source ? [sourceDocument(object.source)] : [])));
  const loose = objects.filter((object) => apiGroup(object.apiVersion) !== 'kustomize.config.k8s.io' && !(object.source && covered.has(sourceDocument(object.source))));
  return [...once(built), ...loose];
}

function once(objects: readonly RenderedObject[]): KubeObject[] {
  const seen = new Set<string>();
  const result: KubeObject[] = [];
  for (const object of objects) {
    const identity = objectIdentity(object.body);
    if (seen.has(identity)) continue;
    seen.add(identity);
    result.push(renderedObject(object));
  }
  return result;
}
