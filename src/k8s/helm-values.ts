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

/** Every mapping inside a values tree, with its path: charts take pod-spec fragments at any depth. */
export function* mappingsIn(value: unknown, path: NodePath): Generator<{ record: Record<string, unknown>; path: NodePath }> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* mappingsIn(item, [...path, index]);
    return;
  }
  const record = asRecord(value);
  if (!record) return;
  yield { record, path };
  for (const key in record) yield* mappingsIn(record[key], [...path, key]);
}
