import type { ApplicationBuild } from '../argocd/application-builds.js';
import { isPlaceholder } from './argo-apps.js';
import { apiGroup, documentKey, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/**
 * The namespace each object lands in, where the repository says it: its own `metadata.namespace`
 * (Flux's builds have already set it on what they apply), else the `namespace:` of the nearest
 * kustomization beside its file, else the destination of the one Argo CD Application deploying it.
 * Undefined when nothing, or more than one Application, decides it.
 */
export function objectNamespaces(objects: readonly KubeObject[], argoBuilds: readonly ApplicationBuild[]): (object: KubeObject) => string | undefined {
  const kustomizeNamespaces = new Map<string, string>();
  for (const object of objects) {
    if (apiGroup(object.apiVersion) !== 'kustomize.config.k8s.io' || !object.source || typeof object.body.namespace !== 'string') continue;
    kustomizeNamespaces.set(directoryOf(object.source.file), object.body.namespace);
  }
  // By document: an Application's build and the repository's own builds hand back different copies of it.
  const destinations = new Map<string, Set<string>>();
  for (const { app, objects: deployed } of argoBuilds) {
    const namespace = asRecord(app.spec.destination)?.namespace;
    for (const object of deployed) {
      const set = destinations.get(documentKey(object)) ?? new Set<string>();
      set.add(typeof namespace === 'string' && !isPlaceholder(namespace) ? namespace : '');
      destinations.set(documentKey(object), set);
    }
  }
  return (object) => {
    if (object.namespace !== undefined) return object.namespace;
    const namespace = object.source && kustomizeNamespaces.get(directoryOf(object.source.file));
    if (namespace !== undefined) return namespace;
    const candidates = destinations.get(documentKey(object));
    return candidates?.size === 1 && !candidates.has('') ? [...candidates][0] : undefined;
  };
}

function directoryOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash);
}
