import { quantityBytes } from '../k8s/byte-sizes.js';
import { jmespath } from '../lazy-packages.js';
import { asRecord } from '../repo/parse.js';
import { parseGoDuration } from '../text/duration.js';
import { wildcardMatch } from './wildcard.js';

/**
 * What Kyverno's variables can read offline: the object as Git applies it (`request.object`, an
 * operation that is a CREATE or an UPDATE), its namespace when the repository decides it, and a
 * foreach's `element`. Anything else (`request.userInfo`, `request.oldObject`, `images`, context
 * entries that call the API) throws Unresolvable: the rule cannot be judged for this object.
 */
export interface ExpressionScope {
  object: unknown;
  namespace: string | undefined;
  element?: unknown;
  elementIndex?: number;
}

export class Unresolvable extends Error {}

/** One condition that held, for messages: `request.object.spec.hostNetwork` is `true` (Equals true). */
export interface HeldCondition {
  key: string;
  actual: unknown;
  operator: string;
  value: unknown;
}

/**
 * Kyverno's `{any, all}` conditions (or a plain list, all of which must hold): the first one that
 * made the block hold, or undefined when it does not hold. An empty block holds.
 */
export function conditionsHold(block: unknown, scope: ExpressionScope): HeldCondition | undefined {
  const record = asRecord(block);
  const list = (value: unknown) => (Array.isArray(value) ? value.map((item) => asRecord(item) ?? {}) : []);
  const all = Array.isArray(block) ? list(block) : list(record?.all);
  const any = record ? list(record.any) : [];
  let held: HeldCondition | undefined;
  for (const condition of all) {
    const result = evaluateCondition(condition, scope);
    if (!result) return undefined;
    held ??= result;
  }
  if (any.length > 0) {
    const result = any.map((condition) => evaluateCondition(condition, scope)).find((outcome) => outcome !== undefined);
    if (!result) return undefined;
    held ??= result;
  }
  return held ?? { key: '', actual: undefined, operator: '', value: undefined };
}

/** A foreach `list` (a JMESPath expression, braces optional) read against the scope. */
export function listOf(expression: string, scope: ExpressionScope): unknown {
  return search(expression.trim().replace(/^\{\{(.*)\}\}$/s, '$1'), scope);
}

/** Variables replaced in a value: a string that is one `{{ }}` becomes what it holds, others are interpolated. */
export function substitute(value: unknown, scope: ExpressionScope): unknown {
  if (typeof value === 'string') {
    const whole = /^\s*\{\{((?:(?!\{\{|\}\}).)*)\}\}\s*$/s.exec(value);
    if (whole) return search(whole[1]!, scope);
    if (!value.includes('{{')) return value;
    return value.replace(/\{\{((?:(?!\{\{|\}\}).)*)\}\}/gs, (_, expression: string) => {
      const result = search(expression, scope);
      return typeof result === 'string' ? result : JSON.stringify(result);
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, scope));
  const record = asRecord(value);
  return record ? Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, substitute(inner, scope)])) : value;
}

function evaluateCondition(condition: Record<string, unknown>, scope: ExpressionScope): HeldCondition | undefined {
  const actual = substitute(condition.key, scope);
  const value = substitute(condition.value, scope);
  const operator = String(condition.operator ?? '');
  return compare(actual, operator, value) ? { key: typeof condition.key === 'string' ? condition.key : JSON.stringify(condition.key), actual, operator, value } : undefined;
}

/** Kyverno's condition operators; an unknown one is Unresolvable, not false. */
export function compare(key: unknown, operator: string, value: unknown): boolean {
  switch (operator) {
    case 'Equals':
    case 'Equal':
      return equals(key, value);
    case 'NotEquals':
    case 'NotEqual':
      return !equals(key, value);
    case 'AnyIn':
      return strings(key)?.some((item) => contains(value, item)) ?? false;
    case 'AllIn':
    case 'In':
      return strings(key)?.every((item) => contains(value, item)) ?? false;
    case 'AnyNotIn':
    case 'NotIn':
      return strings(key)?.some((item) => !contains(value, item)) ?? false;
    case 'AllNotIn':
      return strings(key)?.every((item) => !contains(value, item)) ?? false;
    case 'GreaterThan':
      return order(key, value, (difference) => difference > 0);
    case 'GreaterThanOrEquals':
      return order(key, value, (difference) => difference >= 0);
    case 'LessThan':
      return order(key, value, (difference) => difference < 0);
    case 'LessThanOrEquals':
      return order(key, value, (difference) => difference <= 0);
    default:
      throw new Unresolvable(`operator ${operator}`);
  }
}

function equals(key: unknown, value: unknown): boolean {
  if (typeof key === 'string') {
    const durations = [parseGoDuration(key), parseGoDuration(value)];
    if (durations[0] !== undefined && durations[1] !== undefined) return durations[0] === durations[1];
    if (typeof value !== 'string') return false;
    const quantities = [quantityBytes(key), quantityBytes(value)];
    if (quantities[0] !== undefined && quantities[1] !== undefined) return quantities[0] === quantities[1];
    return wildcardMatch(value, key);
  }
  if (typeof key === 'number') return typeof value === 'number' ? key === value : typeof value === 'string' && Number(value) === key && value.trim() !== '';
  return JSON.stringify(key) === JSON.stringify(value);
}

/** The key as Kyverno's set operators read it: each item printed, a scalar as a one-item set; a map or null never matches. */
function strings(key: unknown): string[] | undefined {
  if (Array.isArray(key)) return key.map(print);
  if (key === null || key === undefined || typeof key === 'object') return undefined;
  return [print(key)];
}

/** Whether `item` is in the value: a list, a JSON list in a string, or one string, wildcards either way. */
function contains(value: unknown, item: string): boolean {
  let items: string[];
  if (Array.isArray(value)) items = value.map(print);
  else if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      items = (JSON.parse(value) as unknown[]).map(print);
    } catch {
      items = [value];
    }
  } else if (value === null || value === undefined) items = [];
  else items = [print(value)];
  return items.some((candidate) => wildcardMatch(candidate, item) || wildcardMatch(item, candidate));
}

function order(key: unknown, value: unknown, holds: (difference: number) => boolean): boolean {
  const pairs = [
    [typeof key === 'number' ? key : undefined, typeof value === 'number' ? value : undefined],
    [parseGoDuration(key), parseGoDuration(value)],
    [quantityBytes(key), quantityBytes(value)],
  ];
  for (const [a, b] of pairs) if (a !== undefined && b !== undefined) return holds(a - b);
  return false;
}

function print(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function search(expression: string, scope: ExpressionScope): unknown {
  const missing: string[] = [];
  const request = watched({ object: scope.object, operation: 'CREATE', ...(scope.namespace !== undefined ? { namespace: scope.namespace } : {}) }, 'request.', missing);
  const root = watched({ request, ...('element' in scope ? { element: scope.element, elementIndex: scope.elementIndex } : {}) }, '', missing);
  let result: unknown;
  try {
    result = library().search(root as never, expression.trim());
  } catch (error) {
    throw new Unresolvable(`${expression.trim()}: ${(error as Error).message}`);
  }
  if (missing.length > 0) throw new Unresolvable(missing[0]!);
  return result;
}

/** An object that notes every key read from it that it does not have: a variable hctl cannot know. */
function watched(target: Record<string, unknown>, prefix: string, missing: string[]): Record<string, unknown> {
  return new Proxy(target, {
    get(object, key) {
      if (typeof key === 'string' && !(key in object)) missing.push(`${prefix}${key}`);
      return Reflect.get(object, key) as unknown;
    },
  });
}

let registered = false;

/** JMESPath (whose split and trim Kyverno shares) with Kyverno's to_upper, to_lower and regex_match; other Kyverno functions fail the expression (Unresolvable). */
function library(): ReturnType<typeof jmespath> {
  const library = jmespath();
  if (registered) return library;
  registered = true;
  const text = [{ types: [library.TYPE_STRING] }];
  const strings = (args: unknown[]) => args.map((arg) => print(arg));
  library.registerFunction('to_upper', (args) => strings(args)[0]!.toUpperCase(), text);
  library.registerFunction('to_lower', (args) => strings(args)[0]!.toLowerCase(), text);
  library.registerFunction('regex_match', (args) => new RegExp(strings(args)[0]!, 'u').test(strings(args)[1]!), [...text, { types: [library.TYPE_STRING, library.TYPE_NUMBER] }]);
  return library;
}
