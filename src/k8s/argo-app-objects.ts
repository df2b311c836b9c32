import type { KubeObject } from '../repo/object.js';
import { argoAppSpecs, argoSources, isPlaceholder, type ArgoAppSpec } from './argo-apps.js';

/**
 * The repo's objects each Argo CD Application deploys from this repository: those in files under
 * a source `path` that exists here (a path only another repository has is not ours to judge).
 */
export function argoAppObjects(objects: readonly KubeObject[]): { app: ArgoAppSpec; objects: KubeObject[] }[] {
  const result: { app: ArgoAppSpec; objects: KubeObject[] }[] = [];
  for (const app of argoAppSpecs(objects)) {
    const prefixes = argoSources(app)
      .map(({ source }) => source.path)
      .filter((path): path is string => typeof path === 'string' && !isPlaceholder(path))
      .map((path) => `${path.replace(/^\.?\/+/, '').replace(/\/+$/, '')}/`)
      .filter((prefix) => prefix !== '/');
    if (prefixes.length === 0) continue;
    const deployed = objects.filter((object) => object.source && prefixes.some((prefix) => object.source!.file.startsWith(prefix)));
    if (deployed.length > 0) result.push({ app, objects: deployed });
  }
  return result;
}
