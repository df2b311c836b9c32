import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseFile } from '../repo/parse.js';
import { SchemaBundle } from '../schema/bundle.js';
import { Kustomizer, RenderError, type RenderedObject } from './kustomize.js';

export interface RenderOutcome {
  objects: RenderedObject[];
  /** Set when hctl could not build the directory itself. */
  error?: RenderError;
  /** The build came from `kubectl kustomize` because hctl does not render a feature it uses. */
  viaKubectl?: boolean;
}

let bundle: SchemaBundle | undefined;

/**
 * Builds one kustomization directory (relative to `root`). Features hctl does not render (Helm
 * charts, plugins, remote bases) fall back to `kubectl kustomize` when `fallback` is on and kubectl
 * is installed; otherwise the outcome carries the reason.
 */
export function renderDirectory(root: string, dir: string, options: { fallback: boolean }): RenderOutcome {
  bundle ??= new SchemaBundle();
  const kustomizer = new Kustomizer(root, bundle, { bundle, clusterCrds: new Set() });
  try {
    return { objects: kustomizer.build(dir) };
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    if (error.unsupported && options.fallback) {
      const built = kubectlKustomize(path.join(root, dir));
      if (built !== undefined) return { objects: parseFile(`${dir}/kubectl-kustomize.yaml`, built).objects.map((object) => ({ body: object.body })), viaKubectl: true };
    }
    return { objects: [], error };
  }
}

function kubectlKustomize(dir: string): string | undefined {
  try {
    return execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch {
    return undefined;
  }
}

