import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/** The labels of each Namespace the repo defines, with the `kubernetes.io/metadata.name` label the API server adds. */
export function namespaceLabelsIn(objects: readonly KubeObject[]): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  for (const object of objects) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1' || !object.name) continue;
    result.set(object.name, { ...stringMap(asRecord(object.body.metadata)?.labels), 'kubernetes.io/metadata.name': object.name });
  }
  return result;
}

/** A map read as strings (labels, annotations). */
export function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(value) ?? {}).map(([key, inner]) => [key, String(inner)]));
}
