import { podTemplateOf, type PodTemplate } from '../../k8s/pod-templates.js';
import { exempted, policyExceptions, type PolicyException } from '../../kyverno/exceptions.js';
import { namespaceLabelsIn, stringMap } from '../../k8s/namespace-labels.js';
import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { evaluate } from '../../kyverno/evaluate-rule.js';
import { autogenRuleName, declaredAction, failureAction, isKyvernoPolicy, validateRules, type FailureAction, type ValidateRule } from '../../kyverno/policies.js';
import { and, excludeBlock, matchBlock, not, type Subject } from '../../kyverno/resource-filter.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

export default {
  meta: {
    id: 'kyverno-policy-violation',
    domain: 'policy',
    severity: 'critical',
    title: "An object the repo's own Kyverno policies would refuse (Enforce) or report (Audit)",
    source:
      'W5, W6; seed 000 (/pre-deploy evaluates the Kyverno policies; disallow-privileged Enforce, require-non-root Audit); gitops_homelab disallow-privileged-containers with a PolicyException for the etcd cert Job',
  },
  check(context) {
    const rules = validateRules(context.applied);
    if (rules.length === 0) return;
    const exceptions = policyExceptions(context.applied);
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const namespaceLabels = namespaceLabelsIn(context.applied);
    const subjects = context.applied
      .filter((object) => !isKyvernoPolicy(object) && object.kind !== 'PolicyException')
      .map((object) => ({ object, subject: subjectOf(object, namespaceOf(object), namespaceLabels) }));
    for (const rule of rules) {
      if (rule.check.kind === 'unsupported') {
        reportUnsupported(context, rule, rule.check.why);
        continue;
      }
      for (const { object, subject } of subjects) {
        const violation = judgeObject(rule, object, subject, exceptions) ?? judgePods(rule, object, subject, exceptions, namespaceLabels);
        if (violation) report(context, rule, object, violation);
      }
    }
  },
} satisfies Rule;

interface Violation {
  /** What refuses it: the rule as written, or Kyverno's `autogen-` copy for the pod controller. */
  ruleName: string;
  action: FailureAction;
  /** The object's own pods (a Pod rule Kyverno did not copy onto the controller), not the object. */
  viaPods: boolean;
  path: NodePath;
  problem: string;
}

/** The rule on the object itself: rules naming its kind, and a Pod rule's copy for its controller. */
function judgeObject(rule: ValidateRule, object: KubeObject, subject: Subject, exceptions: readonly PolicyException[]): Violation | undefined {
  if ((rule.kinds?.has(object.kind) ?? true) && applies(rule, subject, rule.name, exceptions, false) === true) {
    const outcome = evaluate(rule, object.body, (path) => path, object.kind === 'Pod' ? podTemplateOf(object) : undefined, subject.namespace);
    if (outcome) return { ruleName: rule.name, action: failureAction(rule, subject), viaPods: false, ...outcome };
  }
  if (object.kind === 'Pod' || !rule.autogen.has(object.kind)) return undefined;
  const template = podTemplateOf(object);
  if (!template) return undefined;
  const ruleName = autogenRuleName(rule, object.kind);
  if (applies(rule, subject, ruleName, exceptions, true) !== true) return undefined;
  const outcome = evaluate(rule, templateAsPod(template, undefined), templatePath(template), template, subject.namespace);
  return outcome && { ruleName, action: failureAction(rule, subject), viaPods: false, ...outcome };
}

/** A Pod rule Kyverno could not copy onto the controller still refuses every pod it creates. */
function judgePods(rule: ValidateRule, object: KubeObject, owner: Subject, exceptions: readonly PolicyException[], namespaceLabels: ReadonlyMap<string, Record<string, string>>): Violation | undefined {
  if (object.kind === 'Pod' || rule.autogen.has(object.kind) || !(rule.kinds?.has('Pod') ?? true)) return undefined;
  const template = podTemplateOf(object);
  if (!template) return undefined;
  const labels = stringMap(template.metadata?.labels);
  const pod: Subject = {
    apiVersion: 'v1',
    kind: 'Pod',
    name: generatedPodName(object),
    namespace: owner.namespace,
    labels,
    annotations: stringMap(template.metadata?.annotations),
    namespaceLabels: owner.namespace === undefined ? undefined : namespaceLabels.get(owner.namespace),
  };
  if (applies(rule, pod, rule.name, exceptions, false) !== true) return undefined;
  const outcome = evaluate(rule, templateAsPod(template, pod), templatePath(template), template, pod.namespace);
  return outcome && { ruleName: rule.name, action: failureAction(rule, pod), viaPods: true, ...outcome };
}

/** Matched, not excluded and not excepted — `unknown` when the repository cannot tell. */
function applies(rule: ValidateRule, subject: Subject, ruleName: string, exceptions: readonly PolicyException[], autogen: boolean) {
  const inPolicyNamespace = rule.policyNamespace === undefined ? true : subject.namespace === undefined ? 'unknown' : subject.namespace === rule.policyNamespace;
  return and(inPolicyNamespace, matchBlock(rule.match, subject, autogen), not(excludeBlock(rule.exclude, subject, autogen)), not(exempted(exceptions, rule.policyName, ruleName, subject)));
}

/** A pod as its controller would create it, for patterns written against Pods. */
function templateAsPod(template: PodTemplate, pod: Subject | undefined): Record<string, unknown> {
  const metadata = { ...(template.metadata ?? {}), ...(pod ? { name: pod.name, ...(pod.namespace ? { namespace: pod.namespace } : {}) } : {}) };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
}

function templatePath(template: PodTemplate): (path: NodePath) => NodePath {
  return (path) => {
    if (path[0] === 'spec') return [...template.specPath, ...path.slice(1)];
    if (path[0] === 'metadata') return [...template.metadataPath, ...path.slice(1)];
    return template.specPath;
  };
}

function subjectOf(object: KubeObject, namespace: string | undefined, namespaceLabels: ReadonlyMap<string, Record<string, string>>): Subject {
  const metadata = asRecord(object.body.metadata) ?? {};
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name ?? '',
    namespace,
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    namespaceLabels: namespace === undefined ? undefined : namespaceLabels.get(namespace),
  };
}

/**
 * Pod names follow their controller's (`web-7d9f8-x2x4q`, `backup-29000000-abcde`, `db-0`): the
 * random part is a character no policy writes, so only a wildcard over it (`web-*`) matches.
 */
function generatedPodName(object: KubeObject): string {
  const name = object.name ?? '';
  const random = (length: number) => '\u0001'.repeat(length);
  switch (object.kind) {
    case 'StatefulSet':
      return `${name}-0`;
    case 'Deployment':
    case 'Rollout':
      return `${name}-${random(10)}-${random(5)}`;
    case 'CronJob':
      return `${name}-${random(8)}-${random(5)}`;
    default:
      return `${name}-${random(5)}`;
  }
}

/** Labels of the Namespaces the repository defines, with the one the API server adds to each. */
function report(context: RuleContext, rule: ValidateRule, object: KubeObject, violation: Violation): void {
  const policy = `Kyverno ${rule.policy.kind} ${rule.policy.name ?? ''}, rule ${violation.ruleName}`;
  const target = violation.viaPods ? 'its pods' : 'it';
  const says = rule.message && !rule.message.includes('{{') ? `The policy says: "${rule.message.replace(/\s+/g, ' ')}". ` : '';
  const exempt = `Fix the object, or exempt it: a PolicyException for ${rule.policyName} rule ${violation.ruleName}, or the rule's exclude.`;
  if (violation.action === 'Enforce') {
    context.report({
      object,
      path: violation.path,
      message: `${policy} (Enforce), refuses ${target}: ${violation.problem}`,
      hint: `${says}The apply fails at admission${violation.viaPods ? ' for every pod the controller creates' : ''}. ${exempt}`,
    });
    return;
  }
  context.report({
    object,
    path: violation.path,
    severity: 'info',
    message: `${policy} (${violation.action === 'Audit' ? 'Audit' : 'Enforce in some namespaces'}), reports ${target}: ${violation.problem}`,
    hint: `${says}Audit admits it and records the violation in a PolicyReport. ${exempt}`,
  });
}

/** An Enforce rule hctl cannot evaluate is said once, so a GO never hides it. */
function reportUnsupported(context: RuleContext, rule: ValidateRule, why: string): void {
  if (declaredAction(rule) !== 'Enforce') return;
  context.report({
    object: rule.policy,
    path: ['spec', 'rules', rule.index, 'validate'],
    key: true,
    severity: 'info',
    message: `Kyverno ${rule.policy.kind} ${rule.policy.name ?? ''}, rule ${rule.name} (Enforce), was not evaluated: it uses ${why}, which needs the cluster`,
    hint: 'hctl evaluates pattern, anyPattern, deny, foreach and podSecurity rules offline, with variables read from the object; check this rule with `kyverno apply` or against the cluster.',
  });
}
