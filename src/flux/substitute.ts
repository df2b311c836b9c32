import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { RenderedObject } from '../render/kustomize.js';
import { metadataOf } from '../render/transformers.js';
import { expandVariables } from './envsubst.js';

const DISABLED = 'kustomize.toolkit.fluxcd.io/substitute';

/**
 * The values Flux substitutes for a Kustomization in `namespace`: its substituteFrom ConfigMaps
 * found in the repo (later entries win), then `substitute`, which wins over them. Secrets are
 * not read: their values must never reach a finding, so their variables stay as written.
 */
export function postBuildValues(postBuild: Record<string, unknown> | undefined, namespace: string, objects: readonly KubeObject[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const source of substituteSources(postBuild, namespace, objects)) {
    if (source?.kind === 'ConfigMap') Object.assign(values, asRecord(source.body.data) ?? {});
  }
  return Object.assign(values, asRecord(postBuild?.substitute) ?? {});
}

/** For each substituteFrom entry, the ConfigMap or Secret in `objects` it names (undefined: not in the repo). */
export function substituteSources(postBuild: Record<string, unknown> | undefined, namespace: string, objects: readonly KubeObject[]): (KubeObject | undefined)[] {
  return (Array.isArray(postBuild?.substituteFrom) ? postBuild.substituteFrom : []).map((reference) => {
    const { kind, name } = (asRecord(reference) ?? {}) as { kind?: unknown; name?: unknown };
    return objects.find((object) => object.kind === kind && object.apiVersion === 'v1' && object.name === name && (object.namespace ?? namespace) === namespace);
  });
}

/**
 * Flux postBuild substitution in string values (see envsubst.ts). Variables with no value here (a
 * Secret, a ConfigMap made outside Git) stay as written, so nothing is invented; objects annotated or
 * labelled `kustomize.toolkit.fluxcd.io/substitute: disabled` are skipped.
 */
export function substitute(objects: RenderedObject[], postBuild: Record<string, unknown> | undefined, values: Record<string, unknown>): RenderedObject[] {
  // Flux substitutes only when the Kustomization defines some variable (inline or from a source).
  const sources = Array.isArray(postBuild?.substituteFrom) ? postBuild.substituteFrom.length : 0;
  if (!postBuild || (sources === 0 && Object.keys(asRecord(postBuild.substitute) ?? {}).length === 0)) return objects;
  const lookup = (name: string) => (Object.hasOwn(values, name) ? String(values[name]) : undefined);
  for (const object of objects) {
    if (substitutionDisabled(object.body)) continue;
    const unsubstituted: { variable: string; path: (string | number)[] }[] = [];
    replaceIn(object.body, lookup, [], (variable, path) => unsubstituted.push({ variable, path }));
    if (unsubstituted.length > 0) object.unsubstituted = unsubstituted;
  }
  return objects;
}

/** An object that opts out of Flux substitution with the `kustomize.toolkit.fluxcd.io/substitute: disabled` annotation or label. */
export function substitutionDisabled(body: Record<string, unknown>): boolean {
  const metadata = metadataOf(body);
  return asRecord(metadata.annotations)?.[DISABLED] === 'disabled' || asRecord(metadata.labels)?.[DISABLED] === 'disabled';
}

/** Substitutes in place: `value` is the build's own copy. Only strings holding `$` can change (`$$` is an escape). `path` is a stack, copied only for a report. */
function replaceIn(value: unknown, lookup: (name: string) => string | undefined, path: (string | number)[], missing: (variable: string, path: (string | number)[]) => void): unknown {
  if (typeof value === 'string') return value.includes('$') ? expandVariables(value, lookup, (variable) => missing(variable, [...path])) : value;
  if (value === null || typeof value !== 'object') return value;
  const holder = value as Record<string, unknown>;
  const isList = Array.isArray(value);
  for (const key of Object.keys(holder)) {
    const child = holder[key];
    path.push(isList ? Number(key) : key);
    const next = replaceIn(child, lookup, path, missing);
    path.pop();
    // defineProperty: a key spelled `__proto__` must stay a key, not become the prototype.
    if (next !== child) Object.defineProperty(holder, key, { value: next, writable: true, enumerable: true, configurable: true });
  }
  return value;
}
