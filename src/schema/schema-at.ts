import type { NodePath } from '../repo/object.js';
import type { JsonSchema } from './transform.js';

/**
 * The subschemas that apply at `path` inside an object validated by `root`: follows properties,
 * patternProperties, additionalProperties, items, allOf and `$ref`s (local and into the core
 * `k8s` definitions). Used to explain errors (allowed field names, alternatives) without asking
 * ajv to embed schemas in every error, which makes its generated code a third larger.
 */
export function schemasAt(root: JsonSchema, core: Record<string, JsonSchema>, path: NodePath): JsonSchema[] {
  let current = expand(root, root, core);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof segment === 'number') {
        if (isObject(schema.items)) next.push(schema.items);
        continue;
      }
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      if (properties && isObject(properties[segment])) {
        next.push(properties[segment]!);
        continue;
      }
      const patterns = Object.entries((schema.patternProperties ?? {}) as Record<string, JsonSchema>).filter(([pattern]) => safeTest(pattern, segment));
      if (patterns.length > 0) next.push(...patterns.map(([, child]) => child));
      else if (isObject(schema.additionalProperties)) next.push(schema.additionalProperties);
    }
    current = next.flatMap((schema) => expand(schema, root, core));
    if (current.length === 0) break;
  }
  return current;
}

/** A schema with its `$ref` followed and its `allOf` parts alongside. */
function expand(schema: JsonSchema, root: JsonSchema, core: Record<string, JsonSchema>, depth = 0): JsonSchema[] {
  if (depth > 20) return [];
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    // Local refs are the CRD's shared pieces, or core definitions referring to each other (their
    // names, io.k8s…, never collide with a CRD's `sharedN`).
    const name = ref.slice(ref.indexOf('#/definitions/') + '#/definitions/'.length);
    const target = ref.startsWith('k8s#') ? core[name] : ((root.definitions as Record<string, JsonSchema> | undefined)?.[name] ?? core[name]);
    return target ? expand(target, root, core, depth + 1) : [];
  }
  const parts = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]).flatMap((part) => expand(part, root, core, depth + 1)) : [];
  return [schema, ...parts];
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Schemas visited at most, looking for a field: bounds the walk of large schemas (a Pod's). */
const MAX_VISITED = 5000;

/**
 * Where else `root` declares a field named `name`, nearest first: `spec.install.strategy` for
 * `retryInterval` in a HelmRelease (array items shown as `[]`). A field unknown at one place but
 * declared at another is misplaced, not newer than the schema.
 */
export function fieldPlaces(root: JsonSchema, core: Record<string, JsonSchema>, name: string, limit = 3): string[] {
  const places: string[] = [];
  const visited = new Set<JsonSchema>();
  let queue: { schema: JsonSchema; at: string }[] = expand(root, root, core).map((schema) => ({ schema, at: '' }));
  while (queue.length > 0 && places.length < limit && visited.size < MAX_VISITED) {
    const next: typeof queue = [];
    for (const { schema, at } of queue) {
      if (visited.has(schema)) continue;
      visited.add(schema);
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      if (isObject(properties[name]) && !places.includes(at)) places.push(at);
      const children: [JsonSchema, string][] = Object.entries(properties).map(([key, child]) => [child, at ? `${at}.${key}` : key]);
      if (isObject(schema.items)) children.push([schema.items, `${at}[]`]);
      if (isObject(schema.additionalProperties)) children.push([schema.additionalProperties, `${at}.*`]);
      for (const [child, childAt] of children) if (isObject(child)) for (const part of expand(child, root, core)) next.push({ schema: part, at: childAt });
    }
    queue = next;
  }
  return places.slice(0, limit);
}
