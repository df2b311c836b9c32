import { isLateValue } from '../../repo/late-value.js';
import type { NodePath } from '../../repo/object.js';

/** A value the API server's built-in validation refuses, at a path inside the object. */
export interface ApiProblem {
  path: NodePath;
  /** Point at the key (a label key, a data key) rather than its value. */
  key?: boolean;
  message: string;
  hint: string;
}


export interface NameRule {
  /** `container name`, `port name`… */
  what: string;
  check(name: string): string | undefined;
  hint: string;
  /** Where the name must be unique, for the message: `in the pod`, `in container web`. */
  scope: string;
}

/**
 * A name that must have a format and be unique among its siblings (containers, volumes, ports):
 * the problem with it, if any. Adds the name to `seen`.
 */
export function namedOnceProblem(name: unknown, path: NodePath, seen: Set<string>, rule: NameRule): ApiProblem | undefined {
  if (typeof name !== 'string' || name === '' || isLateValue(name)) return undefined;
  const problem = rule.check(name);
  const twice = seen.has(name);
  seen.add(name);
  if (problem) return { path, message: `${rule.what} "${name}" ${problem}`, hint: rule.hint };
  if (twice) return { path, message: `${rule.what} "${name}" is used twice ${rule.scope}`.trimEnd(), hint: rule.hint };
  return undefined;
}
