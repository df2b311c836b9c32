import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { RenderedObject } from '../render/kustomize.js';
import { metadataOf } from '../render/transformers.js';

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[=-]([^}]*))?\}/g;
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
 * Flux postBuild substitution of `${VAR}` and `${VAR:=default}` in string values. Variables with
 * no value here (a Secret, a ConfigMap made outside Git) stay as written, so nothing is invented;
 * objects annotated `substitute: disabled` are skipped.
 */
export function substitute(objects: RenderedObject[], postBuild: Record<string, unknown> | undefined, values: Record<string, unknown>): RenderedObject[] {
  if (!postBuild) return objects;
  for (const object of objects) {
    if (asRecord(metadataOf(object.body).annotations)?.[DISABLED] === 'disabled') continue;
    replaceIn(object.body, values);
  }
  return objects;
}

/** Substitutes in place: `value` is the build's own copy. Only strings holding `${` change. */
function replaceIn(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    return value.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
      if (name in values) return String(values[name]);
      return fallback ?? whole;
    });
  }
  if (value === null || typeof value !== 'object') return value;
  const holder = value as Record<string, unknown>;
  for (const key of Object.keys(holder)) {
    const child = holder[key];
    const next = replaceIn(child, values);
    // defineProperty: a key spelled `__proto__` must stay a key, not become the prototype.
    if (next !== child) Object.defineProperty(holder, key, { value: next, writable: true, enumerable: true, configurable: true });
  }
  return value;
}
