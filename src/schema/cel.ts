import type { Environment } from '@marcbachmann/cel-js';
import { isIP } from 'node:net';
import { celJs } from '../lazy-packages.js';
import { rewriteHasOnExpressions } from './cel-has-rewrite.js';
import { type CelSelfShape, celSelf } from './cel-self.js';

/** A compiled `x-kubernetes-validations` rule; `check` is undefined when hctl cannot evaluate it. */
export interface CelRule {
  rule: string;
  message: string;
  check?: (self: unknown) => boolean | undefined;
}

let environment: Environment | undefined;

/** Standard CEL plus the subset of Kubernetes' CEL library that CRD rules and admission policies use; built on first use. */
function celEnvironment(): Environment {
  environment ??= new (celJs().Environment)({ unlistedVariablesAreDyn: true, homogeneousAggregateLiterals: false, enableOptionalTypes: true })
    // CEL defines matches() as a function too; cel-js only as a method (kgateway's rules use the function).
    .registerFunction('matches(string, string): bool', (value: string, pattern: string) => new RegExp(pattern).test(value))
    .registerFunction('isURL(string): bool', (value: string) => URL.canParse(value))
    .registerFunction('isIP(string): bool', (value: string) => isIP(value) !== 0)
    .registerFunction('isCIDR(string): bool', (value: string) => isCidr(value));
  return environment;
}

/** An expression ready to evaluate, in hctl's environment (throws when it does not parse). */
export function parseCel(source: string): (context: Record<string, unknown>) => unknown {
  return celEnvironment().parse(rewriteHasOnExpressions(source));
}

/**
 * Compiles one rule. Transition rules (`oldSelf`) only apply to updates of a live object, and a rule
 * using a function hctl lacks cannot be judged offline: both come back without `check`.
 */
export function compileCelRule(entry: { rule?: unknown; message?: unknown }): CelRule {
  const rule = String(entry.rule ?? '');
  const message = typeof entry.message === 'string' && entry.message !== '' ? entry.message : `failed rule: ${rule}`;
  if (rule === '' || /\boldSelf\b/.test(rule)) return { rule, message };
  let evaluate: (context: Record<string, unknown>) => unknown;
  try {
    evaluate = parseCel(rule);
  } catch {
    return { rule, message };
  }
  return {
    rule,
    message,
    check: (self) => {
      try {
        const result = evaluate({ self });
        return typeof result === 'boolean' ? result : undefined;
      } catch {
        // A missing key or an unsupported value: the API server would explain; hctl stays silent.
        return undefined;
      }
    },
  };
}

/**
 * The check of one rule, for generated validator code (validator-cache.ts): rebuilt from the rule
 * text. A loaded validator holds every rule of its schema and most never meet a value, so each is
 * compiled on its first evaluation (once per rule text), not when the validator loads.
 */
export function celCheck(rule: string): (self: unknown) => boolean | undefined {
  let check: ((self: unknown) => boolean | undefined) | undefined;
  return (self) => {
    check ??= compiledChecks.get(rule);
    if (!check) {
      check = compileCelRule({ rule }).check ?? (() => undefined);
      compiledChecks.set(rule, check);
    }
    return check(self);
  };
}

const compiledChecks = new Map<string, (self: unknown) => boolean | undefined>();

/** For generated validator code: the value a node's rules see, given the JSON of its CelSelfShape. */
export function celSelfOf(json: string): (value: unknown) => unknown {
  const shape = JSON.parse(json) as CelSelfShape;
  return (value) => celSelf(value, shape);
}

function isCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  if (rest.length > 0 || address === undefined || bits === undefined || !/^\d+$/.test(bits)) return false;
  const family = isIP(address);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}
