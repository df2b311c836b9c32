import type { SchemaBundle } from '../schema/bundle.js';
import { splitApiVersion } from './strategic-merge.js';

/** Which kinds have no namespace: core kinds from the Kubernetes API, custom kinds from CRDs in the build. */
export interface KindScope {
  bundle: SchemaBundle;
  /** `group/Kind` of CRDs with `scope: Cluster` seen in the repo. */
  clusterCrds: Set<string>;
}

export function isClusterScopedIn(object: Record<string, unknown>, scope: KindScope): boolean {
  const [group, version] = splitApiVersion(String(object.apiVersion ?? ''));
  const kind = String(object.kind ?? '');
  return scope.bundle.isClusterScoped(group, version, kind) || scope.clusterCrds.has(`${group}/${kind}`);
}
