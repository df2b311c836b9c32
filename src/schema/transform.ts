/**
 * Turns Kubernetes OpenAPI schemas (the API's swagger definitions and CRD openAPIV3Schema) into
 * strict JSON Schema (draft-07) for ajv: unknown fields become errors unless
 * `x-kubernetes-preserve-unknown-fields` says otherwise, OpenAPI-only keywords get their JSON
 * Schema meaning, and what validation does not need (descriptions, defaults) is dropped — except
 * the defaults and names CEL rules see, kept beside each rule list (cel-self.ts).
 */

import { CEL_SELF_KEYWORD, celSelfShape } from './cel-self.js';

export type JsonSchema = { [key: string]: unknown };

/** The core definition every object's metadata is checked against. */
export const OBJECT_META_REF = 'k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** Keywords that validation never reads; dropping them keeps the bundle small. */
const DROPPED = new Set([
  'description',
  'default',
  'example',
  'examples',
  'externalDocs',
  'title',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-group-version-kind',
  'x-kubernetes-unions',
  'x-kubernetes-action',
  'x-kubernetes-selector-field',
]);

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties'];

export interface TransformOptions {
  /**
   * For a CRD's root: check `metadata` against the core ObjectMeta (CRDs carry `{type: object}`),
   * and make sure `apiVersion` and `kind` are known fields (some published schemas omit them).
   */
  rootMetadata?: boolean;
}

export function strictSchema(schema: JsonSchema, options: TransformOptions = {}): JsonSchema {
  const result = transform(schema);
  if (options.rootMetadata) {
    result.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, ...(result.properties as JsonSchema | undefined), metadata: { $ref: OBJECT_META_REF } };
  }
  return result;
}

/**
 * `strict` is off inside allOf/anyOf/oneOf/not: in structural schemas those branches only add
 * constraints (such as "one of these fields is required") and never list every allowed field.
 */
function transform(schema: JsonSchema, strict = true): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (SUBSCHEMA_MAPS.includes(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, isObject(child) ? transform(child, strict) : child]));
    } else if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((child) => (isObject(child) ? transform(child, false) : child));
    } else if (key === 'not' && isObject(value)) {
      out[key] = transform(value, false);
    } else if (SUBSCHEMA_SINGLE.includes(key) && isObject(value)) {
      out[key] = transform(value, strict);
    } else if (key === 'pattern' && typeof value === 'string') {
      // Kubernetes patterns are RE2; the few JavaScript cannot compile are left unchecked.
      if (compiles(value)) out.pattern = value;
    } else if (key === 'nullable') {
      continue; // folded into `type` below
    } else if ((key === 'exclusiveMaximum' || key === 'exclusiveMinimum') && typeof value === 'boolean') {
      continue; // OpenAPI 3.0's flag on maximum/minimum, turned into draft-07's number below
    } else {
      out[key] = value;
    }
  }
  if (schema.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  // `maximum: 65536, exclusiveMaximum: true` (OpenAPI 3.0, what CRDs carry) is draft-07's `exclusiveMaximum: 65536`.
  for (const [flag, bound] of [['exclusiveMaximum', 'maximum'], ['exclusiveMinimum', 'minimum']] as const) {
    if (schema[flag] === true && typeof out[bound] === 'number') {
      out[flag] = out[bound];
      delete out[bound];
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true && out.anyOf === undefined && out.oneOf === undefined) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  if (schema['x-kubernetes-embedded-resource'] === true && isObject(out.properties)) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
  }
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) {
    const shape = celSelfShape(schema, rules.map((entry: { rule?: unknown }) => String(entry?.rule ?? '')));
    if (shape) out[CEL_SELF_KEYWORD] = shape;
  }
  const preserveUnknown = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (strict && isObject(out.properties) && out.additionalProperties === undefined && !preserveUnknown) out.additionalProperties = false;
  delete out['x-kubernetes-preserve-unknown-fields'];
  delete out['x-kubernetes-int-or-string'];
  delete out['x-kubernetes-embedded-resource'];
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Lifts subschemas that occur more than once (ApplicationSet repeats its generators at every
 * nesting level, Kyverno its match blocks) into `definitions`, referenced with `$ref`. ajv then
 * compiles each shared piece once, which cuts compile time and bundle size several-fold.
 */
export function shareRepeatedSubschemas(root: JsonSchema, minimumLength = 300): JsonSchema {
  const serialized = new Map<JsonSchema, string>();
  const counts = new Map<string, number>();
  const count = (node: JsonSchema) => {
    const text = JSON.stringify(node);
    serialized.set(node, text);
    if (text.length >= minimumLength) counts.set(text, (counts.get(text) ?? 0) + 1);
    forEachSubschema(node, count);
  };
  count(root);
  const definitions: Record<string, JsonSchema> = isObject(root.definitions) ? { ...(root.definitions as Record<string, JsonSchema>) } : {};
  const names = new Map<string, string>();
  const rewrite = (node: JsonSchema, isRoot: boolean): JsonSchema => {
    const text = serialized.get(node)!;
    if (!isRoot && (counts.get(text) ?? 0) > 1) {
      let name = names.get(text);
      if (name === undefined) {
        name = `shared${names.size}`;
        names.set(text, name);
        definitions[name] = mapSubschemas(node, (child) => rewrite(child, false));
      }
      return { $ref: `#/definitions/${name}` };
    }
    return mapSubschemas(node, (child) => rewrite(child, false));
  };
  const result = rewrite(root, true);
  if (names.size > 0) result.definitions = definitions;
  return result;
}

function forEachSubschema(node: JsonSchema, visit: (child: JsonSchema) => void): void {
  mapSubschemas(node, (child) => {
    visit(child);
    return child;
  });
}

function mapSubschemas(node: JsonSchema, map: (child: JsonSchema) => JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'properties' || key === 'patternProperties') && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, isObject(child) ? map(child) : child]));
    } else if (SUBSCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((child) => (isObject(child) ? map(child) : child));
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isObject(value)) {
      out[key] = map(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
