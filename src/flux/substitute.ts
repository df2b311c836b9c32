import { asRecord } from '../repo/parse.js';
import type { RenderedObject } from '../render/kustomize.js';
import { metadataOf } from '../render/transformers.js';

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[=-]([^}]*))?\}/g;
const DISABLED = 'kustomize.toolkit.fluxcd.io/substitute';

/**
 * Flux postBuild substitution of `${VAR}` and `${VAR:=default}` in string values, from
 * `spec.postBuild.substitute`. Variables with no value here (substituteFrom, defined elsewhere)
 * stay as written, so nothing is invented; objects annotated `substitute: disabled` are skipped.
 */
export function substitute(objects: RenderedObject[], postBuild: Record<string, unknown> | undefined): RenderedObject[] {
  const values = (asRecord(postBuild?.substitute) ?? {}) as Record<string, unknown>;
  if (!postBuild) return objects;
  for (const object of objects) {
    if (asRecord(metadataOf(object.body).annotations)?.[DISABLED] === 'disabled') continue;
    object.body = replaceIn(object.body, values) as Record<string, unknown>;
  }
  return objects;
}

/** The variables a value uses, for rules about undefined ones. */
export function variablesIn(value: string): string[] {
  return [...value.matchAll(VARIABLE)].map((match) => match[1]!);
}

function replaceIn(value: unknown, values: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
      if (name in values) return String(values[name]);
      return fallback ?? whole;
    });
  }
  if (Array.isArray(value)) return value.map((item) => replaceIn(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, replaceIn(child, values)]));
  }
  return value;
}
