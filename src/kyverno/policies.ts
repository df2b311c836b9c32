import { getIn } from '../k8s/pod-templates.js';
import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord, asStrings } from '../repo/parse.js';
import { filtersOf, kindsIn, type Subject } from './resource-filter.js';
import { wildcardMatch } from './wildcard.js';
import type { PodSecurityLevel } from '../k8s/pod-security.js';
import { selects } from '../k8s/selectors.js';

/** What a validate rule checks, when hctl can tell offline. */
export type RuleCheck =
  | { kind: 'pattern'; patterns: unknown[]; any: boolean }
  /** `deny`: every object the rule matches is refused when its conditions hold (no conditions: always). */
  | { kind: 'deny'; conditions: unknown }
  /** `foreach`: each entry's list read from the object, and its deny or pattern held against every element. */
  | { kind: 'foreach'; entries: Record<string, unknown>[] }
  /** The Pod Security Standards at `level`, less the controls (for some images) `exclude` lifts. */
  | { kind: 'podSecurity'; level: PodSecurityLevel | 'privileged'; exclude: PodSecurityExclusion[] }
  | { kind: 'unsupported'; why: string };

export interface ValidateRule {
  policy: KubeObject;
  /** How PolicyExceptions name the policy: its name, or `namespace/name` for a namespaced Policy. */
  policyName: string;
  /** A namespaced Policy applies to its own namespace only. */
  policyNamespace: string | undefined;
  index: number;
  name: string;
  match: unknown;
  exclude: unknown;
  check: RuleCheck;
  /** Conditions that must hold for the rule to apply (`preconditions`). */
  preconditions: unknown;
  message: string | undefined;
  /** Pod controllers Kyverno writes an `autogen-` copy of this Pod rule for. */
  autogen: ReadonlySet<string>;
  /** The kinds `match` can select, when every filter names them without wildcards: a cheap first sieve. */
  kinds: ReadonlySet<string> | undefined;
  spec: Record<string, unknown>;
  validate: Record<string, unknown>;
}

export interface PodSecurityExclusion {
  controlName: string;
  images: string[];
  /** Set when the exclusion is narrowed to some values of a field, which hctl does not tell apart. */
  narrowed: boolean;
}

export type FailureAction = 'Enforce' | 'Audit' | 'unknown';

/** Pod controllers Kyverno can auto-generate rules for; CronJob gets its own `autogen-cronjob-` rule. */
const POD_CONTROLLERS = ['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'CronJob'];
const AUTOGEN_ANNOTATION = 'pod-policies.kyverno.io/autogen-controllers';

export function isKyvernoPolicy(object: KubeObject): boolean {
  return (object.kind === 'ClusterPolicy' || object.kind === 'Policy') && apiGroup(object.apiVersion) === 'kyverno.io';
}

/** The validate rules of the Kyverno policies among `objects`, in policy and rule order. */
export function validateRules(objects: readonly KubeObject[]): ValidateRule[] {
  const result: ValidateRule[] = [];
  for (const policy of objects) {
    if (!isKyvernoPolicy(policy)) continue;
    const spec = asRecord(policy.body.spec) ?? {};
    const rules = Array.isArray(spec.rules) ? spec.rules.map((rule) => asRecord(rule) ?? {}) : [];
    const autogen = autogenControllers(policy, rules);
    const policyNamespace = policy.kind === 'Policy' ? policy.namespace : undefined;
    rules.forEach((rule, index) => {
      const validate = asRecord(rule.validate);
      if (!validate) return;
      const podRule = kindsIn(rule.match).includes('Pod') && (kindsIn(rule.exclude).length === 0 || kindsIn(rule.exclude).includes('Pod'));
      result.push({
        policy,
        policyName: policyNamespace ? `${policyNamespace}/${policy.name ?? ''}` : (policy.name ?? ''),
        policyNamespace,
        index,
        name: typeof rule.name === 'string' ? rule.name : `#${index}`,
        match: rule.match,
        exclude: rule.exclude,
        check: checkOf(rule, validate),
        preconditions: rule.preconditions,
        message: typeof validate.message === 'string' ? validate.message.trim() : undefined,
        autogen: podRule ? autogen : new Set(),
        kinds: namedKinds(rule.match),
        spec,
        validate,
      });
    });
  }
  return result;
}

function namedKinds(match: unknown): ReadonlySet<string> | undefined {
  const kinds = new Set<string>();
  for (const filter of filtersOf(match).list) {
    const entries = asStrings(asRecord(filter.resources)?.kinds);
    if (entries.length === 0 || entries.some((entry) => entry.includes('*') || entry.includes('?'))) return undefined;
    // `apps/v1/Deployment`, `Pod/exec`: the kind is the capitalised part.
    for (const entry of entries) kinds.add(entry.split('/').find((part) => /^[A-Z]/.test(part)) ?? entry);
  }
  return kinds;
}

/** The rule name Kyverno gives the auto-generated copy of `rule` for `kind`. */
export function autogenRuleName(rule: ValidateRule, kind: string): string {
  return `${kind === 'CronJob' ? 'autogen-cronjob' : 'autogen'}-${rule.name}`.slice(0, 63);
}

/**
 * Enforce or Audit for an object in `subject`'s namespace: the rule's `failureAction`, else the
 * policy's `validationFailureAction` (Audit by default), unless an override names the namespace.
 * A policy with `admission: false` runs in background scans only, so it never refuses anything.
 */
export function failureAction(rule: ValidateRule, subject: Subject): FailureAction {
  const base = declaredAction(rule);
  if (rule.spec.admission === false) return base;
  const overrides = rule.validate.failureActionOverrides ?? rule.spec.validationFailureActionOverrides;
  for (const entry of Array.isArray(overrides) ? overrides : []) {
    const override = asRecord(entry) ?? {};
    const action = normalise(override.action);
    if (!action) continue;
    const namespaces = asStrings(override.namespaces);
    const selector = override.namespaceSelector;
    if (namespaces.length === 0 && selector === undefined) continue;
    if (subject.namespace === undefined) return action === base ? base : 'unknown';
    const byName = namespaces.length === 0 || namespaces.some((pattern) => wildcardMatch(pattern, subject.namespace!));
    if (!byName) continue;
    if (selector === undefined) return action;
    if (!subject.namespaceLabels) return action === base ? base : 'unknown';
    if (selects(selector, subject.namespaceLabels)) return action;
  }
  return base;
}

/** The action a rule declares for every namespace, before overrides; Audit when it never runs at admission. */
export function declaredAction(rule: ValidateRule): 'Enforce' | 'Audit' {
  if (rule.spec.admission === false) return 'Audit';
  return normalise(rule.validate.failureAction ?? rule.spec.validationFailureAction) ?? 'Audit';
}

function normalise(value: unknown): 'Enforce' | 'Audit' | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'enforce' ? 'Enforce' : lower === 'audit' ? 'Audit' : undefined;
}

function checkOf(rule: Record<string, unknown>, validate: Record<string, unknown>): RuleCheck {
  const unsupported = unsupportedBecause(rule, validate);
  if (unsupported) return { kind: 'unsupported', why: unsupported };
  const podSecurity = asRecord(validate.podSecurity);
  if (podSecurity) {
    const level = podSecurity.level === 'restricted' || podSecurity.level === 'baseline' ? podSecurity.level : 'privileged';
    const exclude = (Array.isArray(podSecurity.exclude) ? podSecurity.exclude : []).map((entry) => {
      const record = asRecord(entry) ?? {};
      return { controlName: String(record.controlName ?? ''), images: asStrings(record.images), narrowed: record.restrictedField !== undefined || record.values !== undefined };
    });
    return { kind: 'podSecurity', level, exclude };
  }
  if (validate.pattern !== undefined) return { kind: 'pattern', patterns: [validate.pattern], any: false };
  if (Array.isArray(validate.anyPattern)) return { kind: 'pattern', patterns: validate.anyPattern, any: true };
  if (Array.isArray(validate.foreach)) return { kind: 'foreach', entries: validate.foreach.map((entry) => asRecord(entry) ?? {}) };
  return { kind: 'deny', conditions: asRecord(validate.deny)?.conditions };
}

/** Why hctl cannot judge a rule without a cluster, or undefined when it can. */
function unsupportedBecause(rule: Record<string, unknown>, validate: Record<string, unknown>): string | undefined {
  for (const key of ['cel', 'manifests', 'assert']) if (validate[key] !== undefined) return `validate.${key}`;
  if (rule.celPreconditions !== undefined) return 'celPreconditions';
  // Context entries call the API server, read ConfigMaps or images' registries.
  if (Array.isArray(rule.context) && rule.context.length > 0) return 'context entries';
  if (Array.isArray(validate.foreach)) {
    const nested = validate.foreach.some((entry) => asRecord(entry)?.foreach !== undefined || (Array.isArray(asRecord(entry)?.context) && (asRecord(entry)!.context as unknown[]).length > 0));
    if (nested) return 'a nested foreach or context entries';
    return undefined;
  }
  if (validate.pattern === undefined && !Array.isArray(validate.anyPattern) && !asRecord(validate.deny) && !asRecord(validate.podSecurity)) return 'no pattern, anyPattern, deny, foreach or podSecurity';
  return undefined;
}

/**
 * The controllers Kyverno auto-generates this policy's Pod rules for: all of them unless a rule
 * generates, mutates with JSON patches, or filters by name, selector or annotations, or mixes Pod
 * with other kinds; narrowed (or turned off with `none`) by the autogen-controllers annotation.
 */
function autogenControllers(policy: KubeObject, rules: Record<string, unknown>[]): ReadonlySet<string> {
  let needed = false;
  for (const rule of rules) {
    if (rule.generate !== undefined) return new Set();
    const mutate = asRecord(rule.mutate);
    if (mutate && (mutate.patchesJson6902 !== undefined || (Array.isArray(mutate.foreach) && mutate.foreach.some((entry) => asRecord(entry)?.patchesJson6902 !== undefined)))) return new Set();
    for (const filter of [...filtersOf(rule.match).list, ...filtersOf(rule.exclude).list]) {
      const resources = asRecord(filter.resources) ?? {};
      const kinds = asStrings(resources.kinds);
      if (resources.name !== undefined || resources.names !== undefined || resources.selector !== undefined || resources.annotations !== undefined) return new Set();
      if (kinds.length > 1 && kinds.includes('Pod')) return new Set();
      needed ||= kinds.some((kind) => kind === 'Pod' || POD_CONTROLLERS.includes(kind));
    }
  }
  if (!needed) return new Set();
  const requested = getIn(policy.body, ['metadata', 'annotations', AUTOGEN_ANNOTATION]);
  if (typeof requested !== 'string' || requested === '') return new Set(POD_CONTROLLERS);
  if (requested === 'none') return new Set();
  return new Set(requested.split(',').map((kind) => kind.trim()).filter((kind) => POD_CONTROLLERS.includes(kind)));
}
