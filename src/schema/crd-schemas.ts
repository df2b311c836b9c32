import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { createHash } from 'node:crypto';
import { kindKey } from './bundle.js';
import { shareRepeatedSubschemas, strictSchema, type JsonSchema } from './transform.js';

/**
 * A schema from the user (a repo CRD, --schema-dir), made strict only when it must be compiled: a
 * warm run finds its validator in the disk cache by the raw schema's hash and never transforms it.
 */
export class UserSchema {
  private strict: JsonSchema | undefined;
  private key: string | undefined;

  constructor(private readonly raw: JsonSchema) {}

  /** The validator cache key: the raw schema's content (the transform's code is in the cache's fingerprint). */
  get cacheKey(): string {
    this.key ??= `schema ${createHash('sha256').update(JSON.stringify(this.raw)).digest('hex')}`;
    return this.key;
  }

  get schema(): JsonSchema {
    this.strict ??= shareRepeatedSubschemas(strictSchema(this.raw, { rootMetadata: true }));
    return this.strict;
  }
}

export interface CrdVersionInfo {
  schemas: Map<string, UserSchema>;
  /** kindKey → the CRD's deprecation warning, for versions marked `deprecated: true`. */
  deprecated: Map<string, string>;
}

/** Schemas of the CustomResourceDefinitions among `objects` (apiextensions v1 and v1beta1). */
export function crdSchemas(objects: readonly KubeObject[]): CrdVersionInfo {
  const info: CrdVersionInfo = { schemas: new Map(), deprecated: new Map() };
  for (const object of objects) {
    const definition = crdBody(object);
    if (!definition) continue;
    const spec = asRecord(definition.spec);
    const group = spec?.group;
    const kind = asRecord(spec?.names)?.kind;
    if (typeof group !== 'string' || typeof kind !== 'string') continue;
    // v1beta1 CRDs may keep one schema for every version under spec.validation.
    const shared = asRecord(asRecord(spec?.validation)?.openAPIV3Schema);
    const versions = Array.isArray(spec?.versions) ? spec.versions : [{ name: spec?.version }];
    for (const entry of versions) {
      const version = asRecord(entry);
      if (typeof version?.name !== 'string') continue;
      const key = kindKey(group, version.name, kind);
      const schema = asRecord(asRecord(version.schema)?.openAPIV3Schema) ?? shared;
      if (schema) info.schemas.set(key, new UserSchema(schema));
      if (version.deprecated === true) {
        const warning = typeof version.deprecationWarning === 'string' ? version.deprecationWarning : `${group}/${version.name} ${kind} is deprecated`;
        info.deprecated.set(key, warning);
      }
    }
  }
  return info;
}

/** A CRD object, or the CRD a Kratix Promise declares as its API (`spec.api`). */
function crdBody(object: KubeObject): Record<string, unknown> | undefined {
  if (object.kind === 'CustomResourceDefinition' && apiGroup(object.apiVersion) === 'apiextensions.k8s.io') return object.body;
  if (object.kind === 'Promise' && apiGroup(object.apiVersion) === 'platform.kratix.io') {
    const api = asRecord(asRecord(object.body.spec)?.api);
    if (api?.kind === 'CustomResourceDefinition') return api;
  }
  return undefined;
}
