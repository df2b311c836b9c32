import jsyaml from 'js-yaml';
import type { KubeObject, NodePath } from '../repo/object.js';
import { KUBERNETES_YAML_SCHEMA } from '../repo/yaml11-schema.js';
import { asRecord } from '../repo/parse.js';
import { argoAppSpecs, argoSources } from './argo-apps.js';
import { isHelmRelease } from './kinds.js';
import { getIn } from './pod-templates.js';

/** Chart values written inline in the repo, and where. */
export interface InlineValues {
  object: KubeObject;
  path: NodePath;
  values: Record<string, unknown>;
}

/**
 * Flux HelmReleases' `spec.values` among `applied` (as Flux applies them) and Argo CD sources'
 * `helm.valuesObject` and `helm.values` (a YAML string) among `objects` (as written); a path into
 * the string is located inside it (parse.ts). Values files are not read.
 */
export function inlineValues(applied: readonly KubeObject[], objects: readonly KubeObject[]): InlineValues[] {
  const found: InlineValues[] = [];
  const add = (object: KubeObject, path: NodePath) => {
    const value = getIn(object.body, path);
    const values = asRecord(typeof value === 'string' ? parseValuesString(value) : value);
    if (values) found.push({ object, path, values });
  };
  for (const object of applied) if (isHelmRelease(object)) add(object, ['spec', 'values']);
  for (const app of argoAppSpecs(objects)) {
    for (const { path } of argoSources(app)) {
      add(app.object, [...path, 'helm', 'valuesObject']);
      add(app.object, [...path, 'helm', 'values']);
    }
  }
  return found;
}

/** Argo CD's `values: |`, read as Helm reads a values file; a string that is not YAML holds no values hctl can judge. */
function parseValuesString(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: KUBERNETES_YAML_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * Every mapping inside a values tree, with its path: charts take pod-spec fragments at any depth.
 * A plain walk (no generators, no paths for scalars): two rules walk every HelmRelease's values.
 */
export function mappingsIn(value: unknown, path: NodePath): { record: Record<string, unknown>; path: NodePath }[] {
  const found: { record: Record<string, unknown>; path: NodePath }[] = [];
  const visit = (node: object, at: NodePath): void => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) if (isCollection(node[index])) visit(node[index] as object, [...at, index]);
      return;
    }
    const record = node as Record<string, unknown>;
    found.push({ record, path: at });
    for (const key in record) if (isCollection(record[key])) visit(record[key] as object, [...at, key]);
  };
  if (isCollection(value)) visit(value, path);
  return found;
}

const isCollection = (value: unknown): value is object => value !== null && typeof value === 'object';
