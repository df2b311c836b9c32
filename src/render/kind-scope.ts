import type { SchemaBundle } from '../schema/bundle.js';
import { splitApiVersion } from './strategic-merge.js';

/**
 * Which kinds have no namespace, as kustomize's namespace transformer sees them: the Kubernetes
 * API's own cluster-scoped kinds. Like kustomize, a build takes every custom kind for namespaced
 * (the API server drops the namespace of a cluster-scoped one when it is applied).
 */
export interface KindScope {
  bundle: SchemaBundle;
}

export function isClusterScopedIn(object: Record<string, unknown>, scope: KindScope): boolean {
  const [group, version] = splitApiVersion(String(object.apiVersion ?? ''));
  return scope.bundle.isClusterScoped(group, version, String(object.kind ?? ''));
}
