import type { JsonSchema } from './transform.js';

/**
 * What the API server does to a value before a CEL rule sees it as `self`, from the schema below
 * the rule: structural defaults are applied (Gateway API's `p1.kind == p2.kind` sees `kind:
 * Gateway` on a parentRef that leaves it out), and property names that are no CEL identifiers are
 * escaped (`namespace` is `__namespace__`, `x-prop` is `x__dash__prop`).
 */
export interface CelSelfShape {
  default?: unknown;
  nullable?: true;
  /** The property's name as rules write it, when it differs. */
  escaped?: string;
  properties?: Record<string, CelSelfShape>;
  items?: CelSelfShape;
  additionalProperties?: CelSelfShape;
}

/** The keyword, beside `x-kubernetes-validations`, that carries the shape below that node. */
export const CEL_SELF_KEYWORD = 'x-hctl-cel-self';

/**
 * The shape below a node with `x-kubernetes-validations` (an OpenAPI node as a CRD writes it), or
 * undefined when its rules see the value as written. Escaped names matter only to rules that use one.
 */
export function celSelfShape(schema: JsonSchema, rules: string[]): CelSelfShape | undefined {
  return shapeBelow(schema, rules.some((rule) => rule.includes('__')));
}

function shapeBelow(schema: JsonSchema, escapes: boolean): CelSelfShape | undefined {
  const shape: CelSelfShape = {};
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const [name, child] of Object.entries(properties)) {
      const below = isObject(child) ? shapeAt(child, escapes) : undefined;
      const escaped = escapes ? escapedName(name) : name;
      const entry = escaped !== name && escaped !== undefined ? { ...below, escaped } : below;
      if (entry) (shape.properties ??= {})[name] = entry;
    }
  }
  for (const key of ['items', 'additionalProperties'] as const) {
    const child = schema[key];
    const below = isObject(child) ? shapeAt(child, escapes) : undefined;
    if (below) shape[key] = below;
  }
  return Object.keys(shape).length > 0 ? shape : undefined;
}

function shapeAt(schema: JsonSchema, escapes: boolean): CelSelfShape | undefined {
  const below = shapeBelow(schema, escapes);
  if (schema.default === undefined) return below;
  return { ...below, default: schema.default, ...(schema.nullable === true ? { nullable: true as const } : {}) };
}

// Kubernetes' escaping of property names (k8s.io/apiserver/pkg/cel/escaping.go).
const RESERVED = new Set(['true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if', 'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while']);
const ESCAPES: Record<string, string> = { __: '__underscores__', '.': '__dot__', '-': '__dash__', '/': '__slash__' };

/** A property's name as CEL rules write it; undefined when rules cannot reach it at all. */
export function escapedName(name: string): string | undefined {
  if (name === '' || /^[0-9]/.test(name)) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  if (/[^a-zA-Z0-9_.\-/]/.test(name)) return undefined;
  return name.replace(/__|[.\-/]/g, (match) => ESCAPES[match]!);
}

/**
 * `value` as a rule sees it: a missing field (or a null one that may not be null) with a default
 * gets a copy of it, recursively through properties, list items and map values, and properties
 * carry their escaped names. The input is never changed; untouched parts are shared.
 */
export function celSelf(value: unknown, shape: CelSelfShape): unknown {
  if (Array.isArray(value)) {
    if (!shape.items) return value;
    const items = shape.items;
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const seen = celSelf(item, items);
      if (seen !== item) (copy ??= [...value])[index] = seen;
    });
    return copy ?? value;
  }
  if (!isObject(value)) return value;
  let copy: JsonSchema | undefined;
  for (const [key, child] of Object.entries(shape.properties ?? {})) {
    const current = value[key];
    const missing = current === undefined || (current === null && !child.nullable);
    const seen = missing && child.default !== undefined ? celSelf(structuredClone(child.default), child) : current === undefined ? undefined : celSelf(current, child);
    if (seen === undefined || (seen === current && child.escaped === undefined)) continue;
    copy ??= { ...value };
    if (child.escaped !== undefined) delete copy[key];
    copy[child.escaped ?? key] = seen;
  }
  if (shape.additionalProperties) {
    for (const [key, child] of Object.entries(value)) {
      const seen = celSelf(child, shape.additionalProperties);
      if (seen !== child) (copy ??= { ...value })[key] = seen;
    }
  }
  return copy ?? value;
}

function isObject(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
