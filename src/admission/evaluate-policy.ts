import { asRecord } from '../repo/parse.js';
import { parseCel } from '../schema/cel.js';
import type { BoundPolicy } from './admission-policies.js';

/** What the API server would say to one object's CREATE. */
export type PolicyOutcome = { result: 'pass' } | { result: 'unknown' } | { result: 'fail'; failures: string[] };

/** A policy's expressions, compiled once; `uncompiled` lists what hctl's CEL cannot read. */
export interface CompiledPolicy {
  matchConditions: { name: string; expression: Expression }[];
  variables: { name: string; expression: Expression }[];
  validations: { expression: Expression; message: string | undefined; messageExpression: Expression | undefined }[];
  uncompiled: string[];
}

interface Expression {
  text: string;
  run?: (activation: Record<string, unknown>) => unknown;
}

/** What the expressions may read: the object, the request (CREATE, no user), its Namespace when the repo has it, and params. */
export interface Activation {
  object: unknown;
  request: Record<string, unknown>;
  /** Undefined when the repo does not define the object's Namespace (null for cluster-scoped objects). */
  namespaceObject: unknown;
}

export function compilePolicy(spec: Record<string, unknown>): CompiledPolicy {
  const uncompiled: string[] = [];
  const compile = (text: unknown): Expression => {
    const source = typeof text === 'string' ? text : '';
    try {
      const run = parseCel(source);
      return { text: source, run: (activation) => run(activation) };
    } catch {
      uncompiled.push(source);
      return { text: source };
    }
  };
  const entries = (field: string) => (Array.isArray(spec[field]) ? (spec[field] as unknown[]) : []).map((entry) => asRecord(entry) ?? {});
  return {
    matchConditions: entries('matchConditions').map((entry) => ({ name: String(entry.name ?? ''), expression: compile(entry.expression) })),
    variables: entries('variables').map((entry) => ({ name: String(entry.name ?? ''), expression: compile(entry.expression) })),
    validations: entries('validations').map((entry) => ({
      expression: compile(entry.expression),
      message: typeof entry.message === 'string' ? entry.message : undefined,
      messageExpression: typeof entry.messageExpression === 'string' ? compile(entry.messageExpression) : undefined,
    })),
    uncompiled,
  };
}

type Evaluated = { value: unknown } | { error: 'missing'; why: string } | { error: 'unknown' };

/**
 * Evaluates a bound policy on one object the way the API server does: match conditions, then every
 * validation. An expression that reads what hctl cannot know offline (the requesting user,
 * `authorizer`, unknown params or Namespace) leaves the object unjudged; one that fails on a field the
 * object lacks is an error, which refuses the object under `failurePolicy: Fail` — as it would.
 */
export function evaluatePolicy(bound: BoundPolicy, compiled: CompiledPolicy, activation: Activation): PolicyOutcome {
  const variables: Record<string, unknown> = {};
  const variableStates = new Map<string, Evaluated>();
  const evaluate = (expression: Expression): Evaluated => {
    if (!expression.run || readsUnknown(expression.text, bound, activation)) return { error: 'unknown' };
    for (const name of referencedVariables(expression.text)) {
      const state = variableOf(name);
      if (state && 'error' in state) return state;
    }
    try {
      return { value: expression.run({ ...activation, namespaceObject: activation.namespaceObject ?? null, oldObject: null, params: bound.params.known ? bound.params.value : null, variables }) };
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      return /^No such key/.test(message) ? { error: 'missing', why: message.toLowerCase() } : { error: 'unknown' };
    }
  };
  // Variables are evaluated on first use, in order, as the API server's lazy composition does.
  const variableOf = (name: string): Evaluated | undefined => {
    if (variableStates.has(name)) return variableStates.get(name);
    const declared = compiled.variables.find((variable) => variable.name === name);
    if (!declared) return undefined;
    const state = evaluate(declared.expression);
    variableStates.set(name, state);
    if ('value' in state) variables[name] = state.value;
    return state;
  };

  for (const condition of compiled.matchConditions) {
    const state = evaluate(condition.expression);
    if ('error' in state) return state.error === 'missing' && bound.failurePolicy === 'Fail' ? { result: 'fail', failures: [`matchCondition ${condition.name}: ${state.why}`] } : { result: state.error === 'missing' ? 'pass' : 'unknown' };
    if (state.value !== true) return { result: 'pass' };
  }
  const failures: string[] = [];
  let unknown = false;
  for (const validation of compiled.validations) {
    const state = evaluate(validation.expression);
    if ('error' in state) {
      if (state.error === 'unknown') unknown = true;
      else if (bound.failurePolicy === 'Fail') failures.push(`expression ${validation.expression.text} failed: ${state.why}`);
      continue;
    }
    if (state.value === true) continue;
    if (typeof state.value !== 'boolean') {
      unknown = true;
      continue;
    }
    const custom = validation.messageExpression ? evaluate(validation.messageExpression) : undefined;
    failures.push(custom && 'value' in custom && typeof custom.value === 'string' && custom.value.trim() !== '' ? custom.value : (validation.message ?? `failed expression: ${validation.expression.text}`));
  }
  if (failures.length > 0) return { result: 'fail', failures };
  return { result: unknown ? 'unknown' : 'pass' };
}

function readsUnknown(text: string, bound: BoundPolicy, activation: Activation): boolean {
  if (/\brequest\s*\.\s*userInfo\b|\bauthorizer\b/.test(text)) return true;
  if (!bound.params.known && /\bparams\b/.test(text)) return true;
  return activation.namespaceObject === undefined && /\bnamespaceObject\b/.test(text);
}

function referencedVariables(text: string): string[] {
  return [...text.matchAll(/\bvariables\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]!);
}
