import path from 'node:path';
import { RenderError, type Kustomizer, type RenderedObject } from './kustomize.js';

/** `kustomize build DIR` of a kustomization directory that no Flux Kustomization builds. */
export interface StandaloneBuild {
  /** The directory, relative to the checked root. */
  dir: string;
  objects: RenderedObject[];
  error?: RenderError;
}

/**
 * Builds every kustomization whose file no earlier build read (`files`: kustomization files,
 * relative to the root) the way `kustomize build DIR` would: Argo CD source paths, layouts applied
 * with `kubectl apply -k`, directories Flux no longer reaches. Shallowest first, so a directory
 * that another includes is built as part of it, not a second time.
 */
export function buildStandalone(kustomizer: Kustomizer, files: readonly string[]): StandaloneBuild[] {
  const builds: StandaloneBuild[] = [];
  const ordered = [...new Set(files)].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  for (const file of ordered) {
    if (kustomizer.kustomizationsRead.has(file)) continue;
    const dir = path.posix.dirname(file);
    try {
      builds.push({ dir, objects: kustomizer.build(dir, 'shared') });
    } catch (error) {
      if (!(error instanceof RenderError)) throw error;
      // The build stopped at its first error: what it did not reach is built on its own later.
      builds.push({ dir, objects: [], error });
    }
  }
  return builds;
}

function depth(file: string): number {
  return file.split('/').length;
}
