import type { CheckCache } from '../cache/check-cache.js';
import type { KubeObject } from '../repo/object.js';
import { isNamedAsPatch, kustomizePatchFiles } from '../repo/kustomize-patches.js';
import type { SchemaDirContents } from '../repo/schema-dir.js';
import { embeddedBundle, kindKey } from '../schema/bundle.js';
import { crdSchemas, UserSchema } from '../schema/crd-schemas.js';
import { flushValidatorCache, SchemaValidator, type ValidationResult } from '../schema/validator.js';

export interface ValidationOutcome {
  results: Map<KubeObject, ValidationResult>;
  /** group/version/kind → deprecation warning of CRD versions marked deprecated. */
  deprecatedCrdVersions: Map<string, string>;
  /**
   * Validates another reading of an object, made from its text alone (`how`: `kustomize`, what a
   * kustomize build makes of it), against the same schemas; a check cache keeps it beside the object's.
   */
  validateReading(object: KubeObject, body: Record<string, unknown>, how: string): ValidationResult;
}

/**
 * Checks every object against its schema: the repo's own CRDs first, then `--schema-dir`, then
 * the embedded bundle. Objects from kustomize patch files, and files named as patches, are
 * partial, so missing required fields and cross-field rules are not held against them. With a check cache, documents validated by an
 * earlier run against the same schema are not validated again.
 */
export function validateObjects(objects: readonly KubeObject[], schemaDirs: readonly SchemaDirContents[] = [], cache?: CheckCache): ValidationOutcome {
  const bundle = embeddedBundle();
  const extra = new Map<string, UserSchema>();
  for (const dir of schemaDirs) {
    for (const { group, version, kind, schema } of dir.jsonSchemas) extra.set(kindKey(group, version, kind), new UserSchema(schema));
    for (const [key, schema] of crdSchemas(dir.crds).schemas) extra.set(key, schema);
  }
  const repoCrds = crdSchemas(objects);
  for (const [key, schema] of repoCrds.schemas) extra.set(key, schema);

  const validator = new SchemaValidator(bundle, extra, cache);
  const patches = kustomizePatchFiles(objects);
  const validate = (object: KubeObject): ValidationResult => {
    const result = validator.validate(object);
    if (result.status !== 'validated' || !object.source || !(patches.has(object.source.file) || isNamedAsPatch(object.source.file))) return result;
    return { ...result, problems: result.problems.filter((problem) => problem.keyword !== 'required' && problem.keyword !== 'x-kubernetes-validations') };
  };
  const results = new Map<KubeObject, ValidationResult>();
  for (const object of objects) results.set(object, validate(object));
  flushValidatorCache();
  return {
    results,
    deprecatedCrdVersions: repoCrds.deprecated,
    validateReading(object, body, how) {
      const reading = { ...object, body };
      cache?.keyReading(reading, object, how);
      return validate(reading);
    },
  };
}
