import { podSecurityProblems, type PodSecurityProblem } from '../k8s/pod-security.js';
import type { PodTemplate } from '../k8s/pod-templates.js';
import type { NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { fieldName } from '../schema/validator.js';
import { conditionsHold, listOf, substitute, Unresolvable, type ExpressionScope, type HeldCondition } from './conditions.js';
import { matchPattern } from './pattern.js';
import type { PodSecurityExclusion, RuleCheck, ValidateRule } from './policies.js';
import { wildcardMatch } from './wildcard.js';

/**
 * The rule's check against `resource` (the object, or a pod of it) with its preconditions; the
 * failing path mapped back into the object. A variable the repository cannot give means no verdict.
 */
export function evaluate(rule: ValidateRule, resource: unknown, toObject: (path: NodePath) => NodePath, template: PodTemplate | undefined, namespace: string | undefined): { path: NodePath; problem: string } | undefined {
  const scope: ExpressionScope = { object: resource, namespace };
  try {
    if (rule.preconditions !== undefined && !conditionsHold(rule.preconditions, scope)) return undefined;
    return judgeCheck(rule.check, resource, toObject, template, scope);
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
}

function judgeCheck(check: RuleCheck, resource: unknown, toObject: (path: NodePath) => NodePath, template: PodTemplate | undefined, scope: ExpressionScope): { path: NodePath; problem: string } | undefined {
  switch (check.kind) {
    case 'deny': {
      const held = conditionsHold(check.conditions, scope);
      if (!held) return undefined;
      const path = toObject(objectPathOf(held.key) ?? ['metadata', 'namespace']);
      return { path, problem: held.key ? describeHeld(held) : 'the rule denies every object it matches' };
    }
    case 'podSecurity': {
      if (!template || check.level === 'privileged') return undefined;
      const problems = podSecurityProblems(template, check.level).filter((problem) => !check.exclude.some((exclusion) => lifts(exclusion, problem)));
      if (problems.length === 0) return undefined;
      return { path: problems[0]!.path, problem: `Pod Security "${check.level}" forbids ${problems.map((problem) => problem.detail).join('; ')}` };
    }
    case 'pattern':
      return patternFailure(resource, check.patterns.map((pattern) => substitute(pattern, scope)), check.any, toObject);
    case 'foreach':
      for (const entry of check.entries) {
        const found = foreachFailure(entry, resource, scope, toObject);
        if (found) return found;
      }
      return undefined;
    case 'unsupported':
      return undefined;
  }
}

/** The first pattern failure, unless one of the patterns holds or all of them skip. */
function patternFailure(resource: unknown, patterns: unknown[], any: boolean, toObject: (path: NodePath) => NodePath): { path: NodePath; problem: string } | undefined {
  const outcomes = patterns.map((pattern) => matchPattern(resource, pattern));
  if (outcomes.some((outcome) => outcome.result === 'pass') || outcomes.every((outcome) => outcome.result === 'skip')) return undefined;
  const failed = outcomes.find((outcome) => outcome.result === 'fail');
  if (failed?.result !== 'fail') return undefined;
  const path = toObject(failed.path);
  const problem = `${fieldName(path) || 'the object'} ${failed.problem}`;
  return { path, problem: any && patterns.length > 1 ? `matches none of the rule's ${patterns.length} patterns (the first: ${problem})` : problem };
}

/** A foreach entry: its list read from the object, each element held against its deny or pattern. */
function foreachFailure(entry: Record<string, unknown>, resource: unknown, scope: ExpressionScope, toObject: (path: NodePath) => NodePath): { path: NodePath; problem: string } | undefined {
  const list = typeof entry.list === 'string' ? listOf(entry.list, scope) : undefined;
  if (!Array.isArray(list)) return undefined;
  const listPath = typeof entry.list === 'string' ? objectPathOf(entry.list) : undefined;
  for (const [index, element] of list.entries()) {
    const elementScope: ExpressionScope = { ...scope, element, elementIndex: index };
    if (entry.preconditions !== undefined && !conditionsHold(entry.preconditions, elementScope)) continue;
    const at = (listPath ? [...listPath, index] : undefined) ?? pathTo(resource, element) ?? [];
    const deny = asRecord(entry.deny);
    if (deny) {
      const held = conditionsHold(deny.conditions, elementScope);
      if (held) return { path: toObject(at), problem: `${fieldName(toObject(at))} ${held.key ? `is denied: ${describeHeld(held)}` : 'is denied by the rule'}` };
      continue;
    }
    const patterns = entry.pattern !== undefined ? [entry.pattern] : Array.isArray(entry.anyPattern) ? entry.anyPattern : [];
    if (patterns.length === 0) continue;
    const wholeObject = entry.elementScope === false;
    const failure = patternFailure(wholeObject ? resource : element, patterns.map((pattern) => substitute(pattern, elementScope)), entry.anyPattern !== undefined, wholeObject ? toObject : (path) => toObject([...at, ...path]));
    if (failure) return failure;
  }
  return undefined;
}

/** Where an element of a foreach list sits in the object (JMESPath hands back the object's own maps). */
function pathTo(root: unknown, target: unknown, path: NodePath = []): NodePath | undefined {
  if (root === target && path.length > 0) return path;
  if (root === null || typeof root !== 'object' || target === null || typeof target !== 'object') return undefined;
  for (const [key, value] of Array.isArray(root) ? root.entries() : Object.entries(root)) {
    const found = pathTo(value, target, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** `request.object.spec.containers` (with or without a `|| default`) → `['spec', 'containers']`; anything else has no one place. */
function objectPathOf(expression: string): NodePath | undefined {
  const match = /^\s*(?:\{\{)?\s*request\.object((?:\.[A-Za-z_]\w*)+)\s*(?:\|\|[^|]*)?(?:\}\})?\s*$/.exec(expression);
  return match ? match[1]!.slice(1).split('.') : undefined;
}

function describeHeld(held: HeldCondition): string {
  const short = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'nothing';
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };
  return `${held.key.replace(/^\s*\{\{\s*|\s*\}\}\s*$/g, '')} is ${short(held.actual)} (${held.operator} ${short(held.value)})`;
}

/** A podSecurity `exclude` entry lifts its control, for the images it names (all when it names none). */
function lifts(exclusion: PodSecurityExclusion, problem: PodSecurityProblem): boolean {
  if (exclusion.controlName !== problem.control) return false;
  return exclusion.images.length === 0 || problem.image === undefined || exclusion.images.some((image) => wildcardMatch(image, problem.image!));
}
