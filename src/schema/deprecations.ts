import { readFileSync } from 'node:fs';
import { BUNDLE_DIR } from './bundle.js';

export interface Deprecation {
  apiVersion: string;
  kind: string;
  deprecatedIn?: string;
  removedIn?: string;
  replacement?: string;
  component: string;
}

let deprecations: Map<string, Deprecation> | undefined;

/** Pluto's entry for an apiVersion and kind that is deprecated or removed, from the schema bundle. */
export function deprecationOf(apiVersion: string, kind: string): Deprecation | undefined {
  deprecations ??= new Map(
    (JSON.parse(readFileSync(new URL('deprecated-apis.json', BUNDLE_DIR), 'utf8')) as Deprecation[]).map((entry) => [`${entry.apiVersion} ${entry.kind}`, entry]),
  );
  return deprecations.get(`${apiVersion} ${kind}`);
}
