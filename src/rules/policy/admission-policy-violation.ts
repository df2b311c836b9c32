import { boundPolicies, kyvernoValidatingPolicies, type BoundPolicy } from '../../admission/admission-policies.js';
import { compilePolicy, evaluatePolicy, type CompiledPolicy } from '../../admission/evaluate-policy.js';
import { matchResources, type AdmissionSubject } from '../../admission/match-resources.js';
import { resourceNames } from '../../admission/resource-names.js';
import { namespaceLabelsIn, stringMap } from '../../k8s/namespace-labels.js';
import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { splitApiVersion } from '../../render/strategic-merge.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

/** Kinds without a namespace, so that a namespace selector never skips them (others without one are unjudged). */
const CLUSTER_SCOPED = new Set([
  ...['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'PriorityClass', 'IngressClass', 'RuntimeClass', 'CSIDriver'],
  ...['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'APIService', 'ClusterIssuer', 'ClusterSecretStore', 'ClusterPolicy'],
]);

export default {
  meta: {
    id: 'admission-policy-violation',
    domain: 'policy',
    severity: 'critical',
    title: "An object (or its pods) that the repo's own ValidatingAdmissionPolicies (or Kyverno ValidatingPolicies) would refuse, warn about or audit",
    source: "W6 (evaluate the repo's admission policies before deploy), the Kubernetes-native counterpart of kyverno-policy-violation; seed 000 /pre-deploy",
  },
  check(context) {
    const bound = [...boundPolicies(context.applied), ...kyvernoValidatingPolicies(context.applied)];
    if (bound.length === 0) return;
    const compiled = new Map<KubeObject, CompiledPolicy>();
    for (const { policy, spec, actions } of bound) {
      if (compiled.has(policy)) continue;
      const policyCompiled = compilePolicy(spec);
      compiled.set(policy, policyCompiled);
      if (actions.includes('Deny')) for (const expression of policyCompiled.uncompiled) reportUncompiled(context, policy, expression);
    }
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const namespaces = new Map(context.applied.filter((object) => object.kind === 'Namespace' && object.apiVersion === 'v1').map((object) => [object.name, object.body]));
    const namespaceLabels = namespaceLabelsIn(context.applied);
    const resourceOf = resourceNames(context.applied);
    for (const object of context.applied) {
      const namespace = namespaceOf(object);
      for (const candidate of candidatesOf(object, namespace)) {
        const [group, version] = splitApiVersion(String(candidate.body.apiVersion ?? ''));
        const kind = String(candidate.body.kind ?? '');
        const namespaced = namespace !== undefined || !CLUSTER_SCOPED.has(kind);
        const metadata = asRecord(candidate.body.metadata);
        const subject: AdmissionSubject = {
          group,
          version,
          kind,
          resource: resourceOf(group, kind),
          name: typeof metadata?.name === 'string' ? metadata.name : undefined,
          namespace,
          namespaced,
          labels: stringMap(metadata?.labels),
          namespaceLabels: namespace !== undefined ? namespaceLabels.get(namespace) : undefined,
        };
        const request = { operation: 'CREATE', name: subject.name, namespace: namespace ?? '', kind: { group, version, kind }, resource: { group, version, resource: subject.resource }, dryRun: false };
        const namespaceObject = !namespaced ? null : namespace !== undefined ? namespaces.get(namespace) : undefined;
        for (const policy of bound) {
          if (policy.onlyNamespace !== undefined && policy.onlyNamespace !== namespace) continue;
          if (matchResources(policy.spec.matchConstraints, subject, false) !== true || matchResources(policy.bindingMatch, subject, true) !== true) continue;
          const outcome = evaluatePolicy(policy, compiled.get(policy.policy)!, { object: candidate.body, request, namespaceObject });
          if (outcome.result === 'fail') report(context, policy, object, candidate, outcome.failures);
        }
      }
    }
  },
} satisfies Rule;

/** The object itself, and the pods its template makes, which the API server admits one by one. */
interface Candidate {
  body: Record<string, unknown>;
  /** Where the candidate's own fields are in the object: the pod spec of a workload's template. */
  path: NodePath;
  pods: boolean;
}

function candidatesOf(object: KubeObject, namespace: string | undefined): Candidate[] {
  const candidates: Candidate[] = [{ body: object.body, path: [], pods: false }];
  const template = podTemplateOf(object);
  if (template && object.kind !== 'Pod') {
    const metadata = { ...template.metadata, ...(namespace !== undefined ? { namespace } : {}), name: `${object.name ?? 'pod'}-x` };
    candidates.push({ body: { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec }, path: template.specPath, pods: true });
  }
  return candidates;
}

function report(context: RuleContext, bound: BoundPolicy, object: KubeObject, candidate: Candidate, failures: string[]): void {
  const who = bound.label;
  const target = candidate.pods ? 'its pods' : 'it';
  const said = failures.map((failure) => failure.replace(/\s+/g, ' ').trim()).join('; ');
  const narrow = `Fix the ${candidate.pods ? 'pod template' : 'object'}, or leave it out of the ${bound.binding === bound.policy ? "policy's matchConstraints (or add a PolicyException)" : "binding's matchResources"}.`;
  if (bound.actions.includes('Deny')) {
    context.report({ object, path: candidate.path, message: `${who} refuses ${target}: ${said}`, hint: `The API server denies the ${candidate.pods ? 'pods the controller creates' : 'apply'}. ${narrow}` });
  } else if (bound.actions.includes('Warn')) {
    context.report({ object, path: candidate.path, severity: 'warning', message: `${who} warns about ${target}: ${said}`, hint: `The apply succeeds with a warning (validationActions: Warn). ${narrow}` });
  } else {
    context.report({ object, path: candidate.path, severity: 'info', message: `${who} audits ${target}: ${said}`, hint: `The API server records it in the audit log (validationActions: Audit). ${narrow}` });
  }
}

function reportUncompiled(context: RuleContext, policy: KubeObject, expression: string): void {
  context.report({
    object: policy,
    severity: 'info',
    message: `hctl cannot evaluate \`${expression.replace(/\s+/g, ' ').trim()}\` offline (CEL it does not support): what this Deny policy matches is not judged by it`,
    hint: 'Check the objects this policy matches on a cluster (kubectl apply --dry-run=server), or simplify the expression.',
  });
}
