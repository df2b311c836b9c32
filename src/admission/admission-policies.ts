import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

/** A ValidatingAdmissionPolicy as one of its bindings puts it in force, or a Kyverno ValidatingPolicy (its own binding). */
export interface BoundPolicy {
  policy: KubeObject;
  binding: KubeObject;
  /** How findings name it: `ValidatingAdmissionPolicy x (binding y)`, `Kyverno ValidatingPolicy x`. */
  label: string;
  /** A namespaced Kyverno policy only judges objects in its own namespace. */
  onlyNamespace?: string;
  spec: Record<string, unknown>;
  /** The binding's own `matchResources`, which narrow the policy's `matchConstraints`. */
  bindingMatch: unknown;
  actions: ValidationAction[];
  /** `Fail` (the default): an expression that errors refuses the object; `Ignore` lets it through. */
  failurePolicy: 'Fail' | 'Ignore';
  /** The `params` object: null without a paramKind, the repo's object the binding names, else unknown. */
  params: { known: true; value: unknown } | { known: false };
}

const isAdmission = (object: KubeObject, kind: string) => object.kind === kind && apiGroup(object.apiVersion) === 'admissionregistration.k8s.io';

/** Every binding in the repo with the policy it names (bindings naming no policy in the repo are left out: hctl cannot see that policy). */
export function boundPolicies(objects: readonly KubeObject[]): BoundPolicy[] {
  const policies = new Map(objects.filter((object) => isAdmission(object, 'ValidatingAdmissionPolicy')).map((object) => [object.name, object]));
  const bound: BoundPolicy[] = [];
  for (const binding of objects) {
    if (!isAdmission(binding, 'ValidatingAdmissionPolicyBinding')) continue;
    const bindingSpec = asRecord(binding.body.spec) ?? {};
    const policy = policies.get(typeof bindingSpec.policyName === 'string' ? bindingSpec.policyName : undefined);
    const spec = policy && asRecord(policy.body.spec);
    if (!policy || !spec) continue;
    const actions = (Array.isArray(bindingSpec.validationActions) ? bindingSpec.validationActions : []).filter((action): action is ValidationAction => action === 'Deny' || action === 'Warn' || action === 'Audit');
    if (actions.length === 0) continue;
    bound.push({ policy, binding, label: `ValidatingAdmissionPolicy ${policy.name ?? ''} (binding ${binding.name ?? ''})`, spec, bindingMatch: bindingSpec.matchResources, actions, failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail', params: paramsOf(spec, bindingSpec, objects) });
  }
  return bound;
}

const KYVERNO_KINDS = new Set(['ValidatingPolicy', 'NamespacedValidatingPolicy']);

/**
 * Kyverno's CEL policies (policies.kyverno.io ValidatingPolicy, NamespacedValidatingPolicy): the
 * ValidatingAdmissionPolicy shape with its validationActions inline. Policies with admission turned
 * off, and those a PolicyException names (its conditions are not evaluated), are left out.
 */
export function kyvernoValidatingPolicies(objects: readonly KubeObject[]): BoundPolicy[] {
  const excepted = new Set<string>();
  for (const object of objects) {
    if (object.kind !== 'PolicyException' || apiGroup(object.apiVersion) !== 'policies.kyverno.io') continue;
    const refs = asRecord(object.body.spec)?.policyRefs;
    for (const ref of Array.isArray(refs) ? refs : []) excepted.add(`${String(asRecord(ref)?.kind)}/${String(asRecord(ref)?.name)}`);
  }
  const bound: BoundPolicy[] = [];
  for (const policy of objects) {
    if (!KYVERNO_KINDS.has(policy.kind) || apiGroup(policy.apiVersion) !== 'policies.kyverno.io' || excepted.has(`${policy.kind}/${policy.name}`)) continue;
    const spec = asRecord(policy.body.spec);
    if (!spec || asRecord(asRecord(spec.evaluation)?.admission)?.enabled === false) continue;
    // Without validationActions hctl does not guess what Kyverno would do.
    const actions = (Array.isArray(spec.validationActions) ? spec.validationActions : []).filter((action): action is ValidationAction => action === 'Deny' || action === 'Warn' || action === 'Audit');
    if (actions.length === 0) continue;
    const onlyNamespace = policy.kind === 'NamespacedValidatingPolicy' ? (policy.namespace ?? '') : undefined;
    bound.push({ policy, binding: policy, label: `Kyverno ${policy.kind} ${policy.name ?? ''}`, onlyNamespace, spec, bindingMatch: undefined, actions, failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail', params: { known: true, value: null } });
  }
  return bound;
}

/** The parameter object a binding's paramRef names by name, when the repo has it; selectors and missing ones stay unknown. */
function paramsOf(spec: Record<string, unknown>, bindingSpec: Record<string, unknown>, objects: readonly KubeObject[]): BoundPolicy['params'] {
  const paramKind = asRecord(spec.paramKind);
  if (!paramKind) return { known: true, value: null };
  const ref = asRecord(bindingSpec.paramRef);
  if (typeof ref?.name !== 'string') return { known: false };
  const found = objects.find((object) => object.kind === paramKind.kind && object.apiVersion === paramKind.apiVersion && object.name === ref.name && (ref.namespace === undefined || object.namespace === ref.namespace));
  return found ? { known: true, value: found.body } : { known: false };
}
