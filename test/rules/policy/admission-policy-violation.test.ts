import rule from '../../../src/rules/policy/admission-policy-violation.js';
import { ruleTester } from '../../rule-tester.js';

/** A ValidatingAdmissionPolicy on Deployments (or `resources`) with one validation, and its binding. */
const policy = (validation: string, extra = '', resources = 'deployments', group = 'apps') => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: replica-limit
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules:
      - apiGroups: ["${group}"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["${resources}"]
${extra}  validations:
${validation}`;
const binding = (actions = 'Deny', match = '') => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: replica-limit-binding
spec:
  policyName: replica-limit
  validationActions: [${actions}]
${match}`;
const replicas = '    - expression: "object.spec.replicas <= 5"\n      message: at most 5 replicas\n';
const deployment = (count: number, namespace = 'shop', podExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
  labels:
    team: shop
spec:
  replicas: ${count}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
${podExtra}      containers:
        - name: web
          image: nginx:1.27
`;
const namespace = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${labels}`;
/** A Kyverno CEL policy with the same check, its validationActions inline. */
const kyverno = (kind = 'ValidatingPolicy', extra = '') => `apiVersion: policies.kyverno.io/v1
kind: ${kind}
metadata:
  name: replica-limit
${kind === 'NamespacedValidatingPolicy' ? '  namespace: other\n' : ''}spec:
  validationActions: [Audit]
${extra}  matchConstraints:
    resourceRules:
      - apiGroups: ["apps"]
        apiVersions: ["v1"]
        operations: ["CREATE", "UPDATE"]
        resources: ["deployments"]
  validations:
${replicas}`;
const repo = (files: Record<string, string>) => ({ 'policy.yaml': policy(replicas), 'binding.yaml': binding(), ...files });

ruleTester(rule, {
  valid: [
    { name: 'within the policy', files: repo({ 'web.yaml': deployment(3) }) },
    { name: 'a policy without a binding is not in force', files: { 'policy.yaml': policy(replicas), 'web.yaml': deployment(9) } },
    { name: "a resource the policy's rules do not name", files: { 'policy.yaml': policy(replicas, '', 'statefulsets'), 'binding.yaml': binding(), 'web.yaml': deployment(9) } },
    {
      name: "the binding's namespaceSelector leaves the namespace out",
      files: repo({ 'binding.yaml': binding('Deny', '  matchResources:\n    namespaceSelector:\n      matchLabels:\n        env: prod\n'), 'ns.yaml': namespace('shop', '    env: dev\n'), 'web.yaml': deployment(9) }),
    },
    { name: 'a namespaceSelector on a Namespace the repo does not define: unknown, not guessed', files: repo({ 'binding.yaml': binding('Deny', '  matchResources:\n    namespaceSelector:\n      matchLabels:\n        env: prod\n'), 'web.yaml': deployment(9) }) },
    { name: 'a matchCondition that does not hold', files: repo({ 'policy.yaml': policy(replicas, '  matchConditions:\n    - name: only-team-a\n      expression: "object.metadata.labels.team == \'a\'"\n'), 'web.yaml': deployment(9) }) },
    { name: 'an expression about the requesting user is not judged offline', files: repo({ 'policy.yaml': policy('    - expression: "request.userInfo.username == \'admin\'"\n'), 'web.yaml': deployment(9) }) },
    { name: 'failurePolicy Ignore lets an erroring expression through', files: repo({ 'policy.yaml': policy('    - expression: "object.metadata.annotations.owner != \'\'"\n').replace('failurePolicy: Fail', 'failurePolicy: Ignore'), 'web.yaml': deployment(3) }) },
    { name: 'a Kyverno NamespacedValidatingPolicy judges its own namespace only', files: { 'policy.yaml': kyverno('NamespacedValidatingPolicy'), 'web.yaml': deployment(9) } },
    { name: 'a Kyverno ValidatingPolicy with admission turned off', files: { 'policy.yaml': kyverno('ValidatingPolicy', '  evaluation:\n    admission:\n      enabled: false\n'), 'web.yaml': deployment(9) } },
    {
      name: 'a Kyverno ValidatingPolicy that a PolicyException names',
      files: { 'policy.yaml': kyverno(), 'exception.yaml': 'apiVersion: policies.kyverno.io/v1\nkind: PolicyException\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  policyRefs:\n    - kind: ValidatingPolicy\n      name: replica-limit\n', 'web.yaml': deployment(9) },
    },
    { name: 'a pod policy the pod template meets', files: repo({ 'policy.yaml': policy('    - expression: "object.spec.containers.all(c, !c.image.endsWith(\':latest\'))"\n', '', 'pods', ''), 'web.yaml': deployment(1) }) },
  ],
  invalid: [
    { name: 'Deny refuses the apply', files: repo({ 'web.yaml': deployment(9) }), errors: [{ line: 1, file: 'web.yaml', severity: 'critical', message: 'ValidatingAdmissionPolicy replica-limit (binding replica-limit-binding) refuses it: at most 5 replicas' }] },
    { name: 'Warn warns', files: repo({ 'binding.yaml': binding('Warn'), 'web.yaml': deployment(9) }), errors: [{ line: 1, severity: 'warning', message: 'warns about it: at most 5 replicas' }] },
    { name: 'Audit audits', files: repo({ 'binding.yaml': binding('Audit'), 'web.yaml': deployment(9) }), errors: [{ line: 1, severity: 'info', message: 'audits it' }] },
    {
      name: 'variables and a messageExpression',
      files: repo({
        'policy.yaml': policy('    - expression: "variables.count <= 5"\n      messageExpression: "\'replicas \' + string(variables.count) + \' > 5\'"\n', '  variables:\n    - name: count\n      expression: "object.spec.replicas"\n'),
        'web.yaml': deployment(9),
      }),
      errors: [{ line: 1, message: 'refuses it: replicas 9 > 5' }],
    },
    {
      name: 'a field the object lacks is an error, which refuses it under failurePolicy Fail',
      files: repo({ 'policy.yaml': policy('    - expression: "object.metadata.annotations.owner != \'\'"\n'), 'web.yaml': deployment(3) }),
      errors: [{ line: 1, message: "expression object.metadata.annotations.owner != '' failed: no such key: annotations" }],
    },
    {
      name: 'the namespaceSelector matches the repo-defined Namespace',
      files: repo({ 'binding.yaml': binding('Deny', '  matchResources:\n    namespaceSelector:\n      matchLabels:\n        env: prod\n'), 'ns.yaml': namespace('shop', '    env: prod\n'), 'web.yaml': deployment(9) }),
      errors: [{ line: 1, message: 'refuses it' }],
    },
    {
      name: "a pod policy refuses a Deployment's pods, at the pod template",
      files: repo({ 'policy.yaml': policy('    - expression: "object.spec.containers.all(c, has(c.securityContext) && c.securityContext.runAsNonRoot == true)"\n      message: containers must run as non-root\n', '', 'pods', ''), 'web.yaml': deployment(1) }),
      errors: [{ line: 18, message: 'refuses its pods: containers must run as non-root' }],
    },
    { name: 'a Kyverno ValidatingPolicy in Audit', files: { 'policy.yaml': kyverno(), 'web.yaml': deployment(9) }, errors: [{ line: 1, severity: 'info', message: 'Kyverno ValidatingPolicy replica-limit audits it: at most 5 replicas' }] },
    { name: 'an expression hctl cannot compile is named once', files: repo({ 'policy.yaml': policy('    - expression: "object.spec.replicas <="\n'), 'web.yaml': deployment(3) }), errors: [{ line: 1, file: 'policy.yaml', severity: 'info', message: 'hctl cannot evaluate `object.spec.replicas <=` offline' }] },
  ],
});
