import type { KubeObject, NodePath } from '../repo/object.js';
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
 * `helm.valuesObject` among `objects` (as written). Values files and `values: |` strings are not read.
 */
export function inlineValues(applied: readonly KubeObject[], objects: readonly KubeObject[]): InlineValues[] {
  const found: InlineValues[] = [];
  const add = (object: KubeObject, path: NodePath) => {
    const values = asRecord(getIn(object.body, path));
    if (values) found.push({ object, path, values });
  };
  for (const object of applied) if (isHelmRelease(object)) add(object, ['spec', 'values']);
  for (const app of argoAppSpecs(objects)) for (const { path } of argoSources(app)) add(app.object, [...path, 'helm', 'valuesObject']);
  return found;
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
