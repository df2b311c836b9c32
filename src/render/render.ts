import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseFile } from '../repo/parse.js';
import { embeddedBundle, type SchemaBundle } from '../schema/bundle.js';
import { flushValidatorCache, SchemaValidator } from '../schema/validator.js';
import { Kustomizer, RenderError, type RenderedObject } from './kustomize.js';

export interface RenderOutcome {
  objects: RenderedObject[];
  /** Set when hctl could not build the directory itself. */
  error?: RenderError;
  /** The build came from `kubectl kustomize` because hctl does not render a feature it uses. */
  viaKubectl?: boolean;
}

/**
 * Builds one kustomization directory (relative to `root`). Features hctl does not render (Helm
 * charts, plugins, remote bases) fall back to `kubectl kustomize` when `fallback` is on and kubectl
 * is installed; otherwise the outcome carries the reason.
 */
export function renderDirectory(root: string, dir: string, options: { fallback: boolean }): RenderOutcome {
  const bundle = embeddedBundle();
  const kustomizer = new Kustomizer(root, bundle, { bundle });
  let objects: RenderedObject[] = [];
  let failure: unknown;
  try {
    objects = kustomizer.build(dir).objects;
  } catch (error) {
    failure = error;
  }
  // kustomize decodes each kustomization strictly and stops at the first it cannot: so does render.
  const invalid = invalidKustomization(kustomizer.kustomizationsRead, bundle);
  flushValidatorCache();
  if (invalid) return { objects: [], error: invalid };
  if (failure === undefined) return { objects };
  if (!(failure instanceof RenderError)) throw failure;
  if (failure.unsupported && options.fallback) {
    const built = kubectlKustomize(path.join(root, dir));
    if (built !== undefined) return { objects: parseFile(`${dir}/kubectl-kustomize.yaml`, built).objects.map((object) => ({ body: object.body })), viaKubectl: true };
  }
  return { objects: [], error: failure };
}

/** The first kustomization the build read that its schema rejects (a misspelt or mistyped field), as kustomize reports it. */
function invalidKustomization(read: ReadonlyMap<string, Record<string, unknown>>, schemas: SchemaBundle): RenderError | undefined {
  const validator = new SchemaValidator(schemas);
  for (const [file, body] of read) {
    const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : 'kustomize.config.k8s.io/v1beta1';
    const kind = typeof body.kind === 'string' ? body.kind : 'Kustomization';
    const result = validator.validate({ apiVersion, kind, body, sopsEncrypted: false });
    const problem = result.status === 'validated' ? result.problems[0] : undefined;
    if (!problem) continue;
    const error = new RenderError(`invalid ${kind}: ${problem.message}`, file);
    error.path = [...problem.path];
    error.atKey = problem.key;
    return error;
  }
  return undefined;
}

function kubectlKustomize(dir: string): string | undefined {
  try {
    // --enable-helm: helmCharts need it (and helm on the PATH); without helmCharts it changes nothing.
    return execFileSync('kubectl', ['kustomize', '--enable-helm', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch {
    return undefined;
  }
}

