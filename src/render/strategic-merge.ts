import type { SchemaBundle } from '../schema/bundle.js';
import type { JsonSchema } from '../schema/transform.js';

type Json = unknown;
type JsonObject = Record<string, Json>;

/**
 * Kubernetes strategic merge patch, as kustomize applies it: maps merge recursively, `null`
 * deletes, lists of core kinds merge by their patch merge key (containers by name, ports by
 * containerPort…), other lists are replaced; `$patch: delete|replace` directives are honoured.
 * Merge keys come from the Kubernetes schema; custom resources, like in kustomize, replace lists.
 */
export function strategicMerge(target: JsonObject, patch: JsonObject, bundle: SchemaBundle): JsonObject {
  const [group, version] = splitApiVersion(String(target.apiVersion ?? ''));
  const definition = bundle.kubernetesDefinition(group, version, String(target.kind ?? ''));
  const context = new MergeContext(bundle);
  return context.mergeMap(target, patch, definition ? { $ref: `#/definitions/${definition}` } : undefined) as JsonObject;
}

class MergeContext {
  private readonly definitions: Record<string, JsonSchema>;
  private readonly mergeKeys: Record<string, Record<string, string>>;

  constructor(bundle: SchemaBundle) {
    this.definitions = bundle.kubernetes().definitions;
    this.mergeKeys = bundle.patchMergeKeys();
  }

  mergeMap(target: Json, patch: JsonObject, schema: JsonSchema | undefined): Json {
    if (patch.$patch === 'delete') return undefined;
    if (patch.$patch === 'replace') return withoutDirectives(patch);
    const result: JsonObject = isObject(target) ? { ...target } : {};
    const { name: definition, schema: resolved } = this.resolve(schema);
    for (const [key, value] of Object.entries(patch)) {
      if (key === '$patch' || key.startsWith('$setElementOrder/') || key === '$retainKeys') continue;
      if (value === null) {
        delete result[key];
        continue;
      }
      const childSchema = (resolved?.properties as Record<string, JsonSchema> | undefined)?.[key];
      const mergeKey = definition ? this.mergeKeys[definition]?.[key] : undefined;
      if (Array.isArray(value)) {
        result[key] = mergeKey && Array.isArray(result[key]) ? this.mergeList(result[key] as Json[], value, mergeKey, childSchema) : value.map(withoutDirectives);
      } else if (isObject(value)) {
        const merged = this.mergeMap(result[key], value, childSchema ?? additional(resolved));
        if (merged === undefined) delete result[key];
        else result[key] = merged;
      } else {
        result[key] = value;
      }
    }
    return result;
  }

  private mergeList(target: Json[], patch: Json[], mergeKey: string, schema: JsonSchema | undefined): Json[] {
    const itemSchema = this.resolve(schema).schema?.items as JsonSchema | undefined;
    const result = [...target];
    for (const item of patch) {
      if (!isObject(item) || !(mergeKey in item)) {
        result.push(item);
        continue;
      }
      const index = result.findIndex((existing) => isObject(existing) && existing[mergeKey] === item[mergeKey]);
      if (item.$patch === 'delete') {
        if (index !== -1) result.splice(index, 1);
      } else if (index === -1) {
        result.push(withoutDirectives(item));
      } else {
        result[index] = this.mergeMap(result[index], item, itemSchema);
      }
    }
    return result;
  }

  private resolve(schema: JsonSchema | undefined): { name?: string; schema?: JsonSchema } {
    let current = schema;
    let name: string | undefined;
    for (let depth = 0; current && typeof current.$ref === 'string' && depth < 10; depth++) {
      name = current.$ref.slice(current.$ref.lastIndexOf('/') + 1);
      current = this.definitions[name];
    }
    return { ...(name ? { name } : {}), ...(current ? { schema: current } : {}) };
  }
}

function additional(schema: JsonSchema | undefined): JsonSchema | undefined {
  return isObject(schema?.additionalProperties) ? (schema!.additionalProperties as JsonSchema) : undefined;
}

function withoutDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDirectives);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '$patch').map(([key, child]) => [key, withoutDirectives(child)]));
}

export function splitApiVersion(apiVersion: string): [string, string] {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
