import type { NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { valueMatches } from './value-pattern.js';
import { hasWildcard, wildcardMatch } from './wildcard.js';

/**
 * A Kyverno validate `pattern` held against a resource: `pass`; `skip` when a conditional `(key)`
 * or global `<(key)` anchor does not hold (the rule does not apply); else `fail` with the path of
 * the first field that does not match and what is wrong with it (`is true; the policy wants "false"`).
 */
export type PatternOutcome = { result: 'pass' } | { result: 'skip' } | { result: 'fail'; path: NodePath; problem: string };

export function matchPattern(resource: unknown, pattern: unknown): PatternOutcome {
  const mismatch = element(resource, pattern, []);
  if (!mismatch) return { result: 'pass' };
  if (mismatch.kind === 'condition' || mismatch.kind === 'global') return { result: 'skip' };
  return { result: 'fail', path: mismatch.path, problem: mismatch.problem };
}

/** `=(securityContext)` → equality anchor on `securityContext`; plain keys are not anchors. */
export function parseAnchor(key: string): { modifier: AnchorModifier; key: string } | undefined {
  const match = /^([+<=X^]?)\((.+)\)$/.exec(key);
  return match ? { modifier: match[1] as AnchorModifier, key: match[2]! } : undefined;
}

/** `` condition, `<` global, `^` existence, `=` equality, `X` negation, `+` add (mutation only). */
type AnchorModifier = '' | '<' | '^' | '=' | 'X' | '+';

/** Why an element does not match: a plain failure, or an anchor's, which decides what it means. */
interface Mismatch {
  kind: 'fail' | 'condition' | 'global' | 'negation';
  path: NodePath;
  problem: string;
}

function element(resource: unknown, pattern: unknown, path: NodePath): Mismatch | undefined {
  const patternMap = asRecord(pattern);
  if (patternMap) {
    const resourceMap = asRecord(resource);
    if (!resourceMap) return resource === undefined ? missing(path, patternMap) : fail(path, `is ${describe(resource)}, not a map`);
    return map(resourceMap, patternMap, path);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(resource)) return fail(path, resource === undefined ? 'is missing' : `is ${describe(resource)}, not a list`);
    return list(resource, pattern, path);
  }
  // A scalar pattern against a list holds for every item of it.
  const items = Array.isArray(resource) ? resource : [resource];
  for (const item of items) {
    if (!valueMatches(item, pattern)) return fail(path, item === undefined ? `is missing; the policy wants ${JSON.stringify(pattern)}` : `is ${describe(item)}; the policy wants ${JSON.stringify(pattern)}`);
  }
  return undefined;
}

function map(resource: Record<string, unknown>, pattern: Record<string, unknown>, path: NodePath): Mismatch | undefined {
  const entries = Object.entries(isMetadataMap(path) ? expandWildcardKeys(pattern, resource) : pattern);
  const anchors = entries.filter(([key]) => parseAnchor(key) !== undefined);
  // Keys whose values hold anchors go first, as in Kyverno: a condition that skips wins over a plain failure.
  const plain = entries.filter(([key]) => parseAnchor(key) === undefined).sort(([, a], [, b]) => Number(holdsAnchor(b)) - Number(holdsAnchor(a)));
  for (const [raw, value] of anchors) {
    const { modifier, key } = parseAnchor(raw)!;
    const present = Object.hasOwn(resource, key);
    const at = [...path, key];
    switch (modifier) {
      case '': {
        const mismatch = present ? element(resource[key], value, at) : fail(at, 'is missing');
        if (mismatch) return { ...mismatch, kind: 'condition' };
        break;
      }
      case '<': {
        const mismatch = present ? element(resource[key], value, at) : undefined;
        if (mismatch) return { ...mismatch, kind: 'global' };
        break;
      }
      case '=': {
        const mismatch = present ? element(resource[key], value, at) : undefined;
        if (mismatch) return mismatch;
        break;
      }
      case 'X':
        if (present) return { kind: 'negation', path: at, problem: 'is set; the policy does not allow it' };
        break;
      case '^': {
        if (!present) break;
        const mismatch = existence(resource[key], value, at);
        if (mismatch) return mismatch;
        break;
      }
      case '+':
        break;
    }
  }
  for (const [key, value] of plain) {
    if (value === '*') {
      if (resource[key] === undefined || resource[key] === null) return fail([...path, key], 'is missing; the policy wants it set');
      continue;
    }
    const mismatch = element(resource[key], value, [...path, key]);
    if (mismatch) return mismatch;
  }
  return undefined;
}

function list(resource: unknown[], pattern: unknown[], path: NodePath): Mismatch | undefined {
  if (pattern.length === 0) return fail(path, 'cannot match an empty list pattern');
  const first = pattern[0];
  if (asRecord(first)) {
    // Every item must match the one map; items a condition turns away do not count.
    let applied = 0;
    let skipped: Mismatch | undefined;
    for (const [index, item] of resource.entries()) {
      const mismatch = element(item, first, [...path, index]);
      if (!mismatch) applied++;
      else if (mismatch.kind === 'condition' || mismatch.kind === 'global') skipped ??= mismatch;
      else return mismatch;
    }
    return applied === 0 && skipped ? skipped : undefined;
  }
  if (!Array.isArray(first)) return element(resource, first, path);
  if (resource.length < pattern.length) return fail(path, `has ${resource.length} items; the policy wants at least ${pattern.length}`);
  let applied = 0;
  let skipped: Mismatch | undefined;
  for (const [index, item] of pattern.entries()) {
    const mismatch = element(resource[index], item, [...path, index]);
    if (!mismatch) applied++;
    else if (mismatch.kind === 'condition' || mismatch.kind === 'global') skipped ??= mismatch;
    else return mismatch;
  }
  return applied === 0 && skipped ? skipped : undefined;
}

/** `^(key)`: each map of the pattern list must match at least one item of the resource's list. */
function existence(resource: unknown, pattern: unknown, path: NodePath): Mismatch | undefined {
  if (!Array.isArray(resource)) return fail(path, `is ${describe(resource)}; the policy's ^() anchor needs a list`);
  for (const wanted of Array.isArray(pattern) ? pattern : [pattern]) {
    if (!resource.some((item, index) => element(item, wanted, [...path, index]) === undefined)) return fail(path, 'has no item that matches the policy');
  }
  return undefined;
}

/** Under `metadata.labels` and `metadata.annotations`, a wildcard key stands for the keys it matches. */
function isMetadataMap(path: NodePath): boolean {
  return path.length >= 2 && path[path.length - 2] === 'metadata' && (path[path.length - 1] === 'labels' || path[path.length - 1] === 'annotations');
}

function expandWildcardKeys(pattern: Record<string, unknown>, resource: Record<string, unknown>): Record<string, unknown> {
  const expanded: Record<string, unknown> = {};
  for (const [raw, value] of Object.entries(pattern)) {
    const anchor = parseAnchor(raw);
    const key = anchor?.key ?? raw;
    const found = hasWildcard(key) ? Object.keys(resource).find((candidate) => wildcardMatch(key, candidate)) : undefined;
    expanded[found === undefined ? raw : anchor ? `${anchor.modifier}(${found})` : found] = value;
  }
  return expanded;
}

function holdsAnchor(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsAnchor);
  const record = asRecord(value);
  return record !== undefined && Object.entries(record).some(([key, inner]) => parseAnchor(key) !== undefined || holdsAnchor(inner));
}

/** A map the pattern needs is absent: named down to the first value it requires, when it requires one. */
function missing(path: NodePath, pattern: Record<string, unknown>): Mismatch {
  const [key, value] = Object.entries(pattern).find(([candidate]) => parseAnchor(candidate) === undefined) ?? [];
  if (key === undefined) return fail(path, 'is missing');
  const inner = asRecord(value);
  if (inner) return missing([...path, key], inner);
  return fail([...path, key], Array.isArray(value) ? 'is missing' : `is missing; the policy wants ${JSON.stringify(value)}`);
}

function fail(path: NodePath, problem: string): Mismatch {
  return { kind: 'fail', path, problem };
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (asRecord(value)) return 'a map';
  return JSON.stringify(value);
}
