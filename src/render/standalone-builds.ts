import path from 'node:path';
import { apiGroup, type KubeObject } from '../repo/object.js';
import { RenderError, type Kustomizer, type Omission, type RenderedObject } from './kustomize.js';

/** `kustomize build DIR` of a kustomization directory that no Flux Kustomization builds. */
export interface StandaloneBuild {
  /** The directory, relative to the checked root. */
  dir: string;
  objects: RenderedObject[];
  /** What the build left out because hctl does not render it offline (Helm charts, remote resources). */
  omitted: readonly Omission[];
  error?: RenderError;
}

/**
 * Builds, the way `kustomize build DIR` would, every kustomization among the repo's `objects`
 * whose file no earlier build read: Argo CD source paths, layouts applied with `kubectl apply -k`,
 * directories Flux no longer reaches. The top ones first — those no other kustomization includes —
 * so a base is built as part of its overlays, not on its own; what a failed build did not reach
 * is built afterwards. A Component is only built where it is included.
 */
export function buildStandalone(kustomizer: Kustomizer, objects: readonly KubeObject[]): StandaloneBuild[] {
  const kustomizations = objects.filter((object) => object.source && apiGroup(object.apiVersion) === 'kustomize.config.k8s.io');
  const included = includedDirectories(kustomizations);
  const files = [...new Set(kustomizations.filter((object) => object.kind === 'Kustomization').map((object) => object.source!.file))];
  const top = (file: string) => (included.has(path.posix.dirname(file)) ? 1 : 0);
  files.sort((a, b) => top(a) - top(b) || depth(a) - depth(b) || a.localeCompare(b));
  const builds: StandaloneBuild[] = [];
  for (const file of files) {
    if (kustomizer.kustomizationsRead.has(file)) continue;
    const dir = path.posix.dirname(file);
    try {
      builds.push({ dir, ...kustomizer.build(dir, 'shared') });
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      builds.push({ dir, objects: [], omitted: [], error });
    }
  }
  return builds;
}

/** Directories that a kustomization names as a resource, base or component. */
function includedDirectories(kustomizations: readonly KubeObject[]): Set<string> {
  const included = new Set<string>();
  for (const object of kustomizations) {
    const dir = path.posix.dirname(object.source!.file);
    for (const field of ['resources', 'bases', 'components']) {
      const entries = object.body[field];
      for (const entry of Array.isArray(entries) ? entries : []) {
        if (typeof entry === 'string' && !entry.includes('://')) included.add(path.posix.normalize(path.posix.join(dir, entry)));
      }
    }
  }
  return included;
}

function depth(file: string): number {
  return file.split('/').length;
}
