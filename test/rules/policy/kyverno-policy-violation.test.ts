import rule from '../../../src/rules/policy/kyverno-policy-violation.js';
import { ruleTester } from '../../rule-tester.js';

/** A ClusterPolicy with one rule on Pods; `body` is the rest of the rule (exclude, preconditions, validate). */
const podPolicy = (name: string, rule: string, body: string, action = 'Enforce', metadata = '') => `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: ${name}
${metadata}spec:
  validationFailureAction: ${action}
  rules:
  - name: ${rule}
    match:
      any:
      - resources:
          kinds: [Pod]
${body}`;

/** platform-lab's disallow-privileged, with its action and exclusions as a case needs them. */
const privilegedPolicy = (action = 'Enforce', exclude = '    exclude:\n      any:\n      - resources:\n          namespaces:\n          - kube-system\n', annotations = '') =>
  podPolicy(
    'disallow-privileged',
    'disallow-privileged',
    `${exclude}    validate:
      message: "Privileged containers are not allowed."
      pattern:
        spec:
          containers:
          - =(securityContext):
              =(privileged): "false"
`,
    action,
    annotations,
  );

const deployment = (namespace: string | undefined, privileged: boolean | undefined, extra = '') =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: node-agent
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
      labels:
        app: node-agent
    spec:
      containers:
      - name: agent
        image: ghcr.io/example/agent:1.0.0
${privileged === undefined ? '' : `        securityContext:\n          privileged: ${privileged}\n`}${extra}`;

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
  namespace: tools
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: cleanup
            image: busybox:1.37
            securityContext:
              privileged: true
`;

/** gitops_homelab's exception for the etcd cert Job, covering the Job and its pods. */
const exception = `apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  name: node-agent-privileged
  namespace: monitoring
spec:
  exceptions:
  - policyName: disallow-privileged
    ruleNames:
    - disallow-privileged
    - autogen-disallow-privileged
  match:
    any:
    - resources:
        kinds: [Pod, Deployment]
        namespaces: [monitoring]
        names: [node-agent, node-agent-*]
`;

const defaultNamespacePolicy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: disallow-default-namespace
spec:
  validationFailureAction: Enforce
  rules:
  - name: deny-default-namespace
    match:
      any:
      - resources:
          kinds: [Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob]
          namespaces: [default]
    validate:
      message: Deploying workloads to the 'default' namespace is not allowed.
      deny: {}
`;

const nonRootAnyPattern = podPolicy(
  'require-run-as-nonroot',
  'run-as-non-root',
  `    preconditions:
      all:
      - key: "{{ request.operation || 'BACKGROUND' }}"
        operator: NotEquals
        value: DELETE
    validate:
      message: Running as root is not allowed.
      anyPattern:
      - spec:
          securityContext:
            runAsNonRoot: true
          containers:
          - =(securityContext):
              =(runAsNonRoot): true
      - spec:
          containers:
          - securityContext:
              runAsNonRoot: true
`,
);

const celPolicy = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-replicas
spec:
  validationFailureAction: Enforce
  rules:
  - name: two-replicas
    match:
      any:
      - resources:
          kinds: [Deployment]
    validate:
      cel:
        expressions:
        - expression: "object.spec.replicas >= 2"
`;

const foreachPolicy = (action: string) =>
  podPolicy(
    'restrict-registries',
    'validate-registries',
    `    validate:
      foreach:
      - list: "request.object.spec.[initContainers, ephemeralContainers, containers][]"
        deny:
          conditions:
            all:
            - key: "{{ element.image }}"
              operator: AnyNotIn
              value: ["ghcr.io/*"]
`,
    action,
  );

const podSecurityPolicy = (exclude: string) =>
  podPolicy(
    'podsecurity-subrule-baseline',
    'baseline',
    `    validate:
      podSecurity:
        level: baseline
        version: latest
${exclude}`,
  );

/** The library's disallow-host-namespaces as deny conditions, with a precondition on a label. */
const hostNamespacesPolicy = (key = "{{ request.object.spec.hostNetwork || `false` }}") =>
  podPolicy(
    'disallow-host-namespaces',
    'host-namespaces',
    `    preconditions:
      all:
      - key: "{{ request.object.metadata.labels.tier || '' }}"
        operator: NotEquals
        value: system
    validate:
      message: Sharing the host namespaces is disallowed.
      deny:
        conditions:
          any:
          - key: "${key}"
            operator: Equals
            value: true
`,
  );
const hostNetwork = '      hostNetwork: true\n';

const argoApp = (namespace: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: node-agent
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://github.com/example/homelab.git
    path: apps/node-agent
  destination:
    server: https://kubernetes.default.svc
    namespace: ${namespace}
`;

ruleTester(rule, {
  valid: [
    { name: 'a container that sets nothing, or privileged: false', files: { 'policy.yaml': privilegedPolicy(), 'a.yaml': deployment('media', undefined), 'b.yaml': deployment('tools', false) } },
    { name: 'a privileged DaemonSet in an excluded namespace', files: { 'policy.yaml': privilegedPolicy(), 'agent.yaml': deployment('kube-system', true) } },
    { name: 'a privileged workload a PolicyException lifts (gitops_homelab etcd cert Job)', files: { 'policy.yaml': privilegedPolicy(), 'agent.yaml': deployment('monitoring', true), 'exception.yaml': exception } },
    { name: 'an object whose namespace the repo does not decide, under a namespace exclusion', files: { 'policy.yaml': privilegedPolicy(), 'agent.yaml': deployment(undefined, true) } },
    { name: 'an Argo CD destination in an excluded namespace', files: { 'policy.yaml': privilegedPolicy(), 'apps/node-agent/agent.yaml': deployment(undefined, true), 'argocd/node-agent.yaml': argoApp('kube-system') } },
    { name: 'deny conditions that do not hold', files: { 'policy.yaml': hostNamespacesPolicy(), 'agent.yaml': deployment('media', false) } },
    {
      name: 'a precondition that does not hold',
      files: { 'policy.yaml': hostNamespacesPolicy(), 'agent.yaml': deployment('media', false, hostNetwork).replace('        app: node-agent\n    spec:', '        app: node-agent\n        tier: system\n    spec:') },
    },
    { name: 'a condition on who applies the object is not guessed', files: { 'policy.yaml': hostNamespacesPolicy('{{ request.userInfo.username }}'), 'agent.yaml': deployment('media', false, hostNetwork) } },
    { name: 'foreach deny conditions: every image from an allowed registry', files: { 'policy.yaml': foreachPolicy('Enforce'), 'agent.yaml': deployment('media', true) } },
    { name: 'an Audit rule hctl cannot evaluate', files: { 'policy.yaml': celPolicy.replace('Enforce', 'Audit'), 'agent.yaml': deployment('media', true) } },
    { name: 'workloads outside the default namespace', files: { 'policy.yaml': defaultNamespacePolicy, 'agent.yaml': deployment('media', true) } },
    {
      name: 'a namespaced Policy does not reach other namespaces',
      files: { 'policy.yaml': privilegedPolicy().replace('kind: ClusterPolicy', 'kind: Policy').replace('  name: disallow-privileged\n', '  name: disallow-privileged\n  namespace: prod\n'), 'agent.yaml': deployment('media', true) },
    },
    { name: 'a pod-level runAsNonRoot satisfies the first of two patterns', files: { 'policy.yaml': nonRootAnyPattern, 'agent.yaml': deployment('media', undefined, '      securityContext:\n        runAsNonRoot: true\n') } },
    {
      name: 'podSecurity with the privileged container\'s image excluded from its control',
      files: { 'policy.yaml': podSecurityPolicy('        exclude:\n        - controlName: Privileged Containers\n          images: [ghcr.io/example/*]\n'), 'agent.yaml': deployment('media', true) },
    },
  ],
  invalid: [
    {
      name: 'podSecurity baseline refuses a privileged container',
      files: { 'policy.yaml': podSecurityPolicy(''), 'agent.yaml': deployment('media', true) },
      errors: [{ line: 19, message: 'rule autogen-baseline (Enforce), refuses it: Pod Security "baseline" forbids container agent privileged: true' }],
    },
    {
      name: 'a privileged Deployment: refused through the rule Kyverno copies onto Deployments',
      files: { 'policy.yaml': privilegedPolicy(), 'agent.yaml': deployment('media', true) },
      errors: [
        {
          file: 'agent.yaml',
          line: 19,
          severity: 'critical',
          message:
            'Kyverno ClusterPolicy disallow-privileged, rule autogen-disallow-privileged (Enforce), refuses it: spec.template.spec.containers[0].securityContext.privileged is true; the policy wants "false"',
        },
      ],
    },
    {
      name: 'a privileged CronJob: the autogen-cronjob copy',
      files: { 'policy.yaml': privilegedPolicy(), 'cleanup.yaml': cronJob },
      errors: [{ file: 'cleanup.yaml', line: 17, message: 'rule autogen-cronjob-disallow-privileged (Enforce), refuses it' }],
    },
    {
      name: 'an exception for the pods only still lets the Deployment be refused',
      files: { 'policy.yaml': privilegedPolicy(), 'agent.yaml': deployment('monitoring', true), 'exception.yaml': exception.replace('    - autogen-disallow-privileged\n', '') },
      errors: [{ line: 19, message: 'rule autogen-disallow-privileged (Enforce)' }],
    },
    {
      name: 'autogen turned off: the pods the Deployment creates are refused',
      files: { 'policy.yaml': privilegedPolicy('Enforce', '', '  annotations:\n    pod-policies.kyverno.io/autogen-controllers: none\n'), 'agent.yaml': deployment('media', true) },
      errors: [{ line: 19, message: 'rule disallow-privileged (Enforce), refuses its pods' }],
    },
    {
      name: 'Audit reports without refusing',
      files: { 'policy.yaml': privilegedPolicy('Audit'), 'agent.yaml': deployment('media', true) },
      errors: [{ line: 19, severity: 'info', message: '(Audit), reports it' }],
    },
    {
      name: 'a failureActionOverride enforces in one namespace',
      files: {
        'policy.yaml': privilegedPolicy('Audit').replace('  rules:\n', '  validationFailureActionOverrides:\n  - action: Enforce\n    namespaces: [prod-*]\n  rules:\n'),
        'agent.yaml': deployment('prod-media', true),
      },
      errors: [{ line: 19, severity: 'critical', message: '(Enforce), refuses it' }],
    },
    {
      name: 'a bare Pod',
      files: { 'policy.yaml': privilegedPolicy(), 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: media\nspec:\n  containers:\n  - name: shell\n    image: busybox:1.37\n    securityContext:\n      privileged: true\n' },
      errors: [{ file: 'pod.yaml', line: 11, message: 'rule disallow-privileged (Enforce), refuses it: spec.containers[0].securityContext.privileged is true' }],
    },
    {
      name: 'the namespace an Argo CD Application deploys into',
      files: { 'policy.yaml': privilegedPolicy(), 'apps/node-agent/agent.yaml': deployment(undefined, true), 'argocd/node-agent.yaml': argoApp('media') },
      errors: [{ file: 'apps/node-agent/agent.yaml', line: 18, message: 'refuses it' }],
    },
    {
      name: 'deny without conditions refuses every workload in the default namespace (gitops_homelab)',
      files: { 'policy.yaml': defaultNamespacePolicy, 'agent.yaml': deployment('default', false) },
      errors: [{ line: 5, message: 'Kyverno ClusterPolicy disallow-default-namespace, rule deny-default-namespace (Enforce), refuses it: the rule denies every object it matches' }],
    },
    {
      name: 'anyPattern: neither pattern holds',
      files: { 'policy.yaml': nonRootAnyPattern, 'agent.yaml': deployment('media', false) },
      errors: [{ line: 15, message: "matches none of the rule's 2 patterns (the first: spec.template.spec.securityContext.runAsNonRoot is missing; the policy wants true)" }],
    },
    {
      name: 'deny conditions that hold, at the field their key reads',
      files: { 'policy.yaml': hostNamespacesPolicy(), 'agent.yaml': deployment('media', false, hostNetwork) },
      errors: [{ line: 20, message: 'rule autogen-host-namespaces (Enforce), refuses it: request.object.spec.hostNetwork || `false` is true (Equals true)' }],
    },
    {
      name: 'foreach deny conditions: an image from another registry (gitops_homelab restrict-registries)',
      files: { 'policy.yaml': foreachPolicy('Enforce'), 'agent.yaml': deployment('media', true).replace('ghcr.io/example/agent:1.0.0', 'docker.io/example/agent:1.0.0') },
      errors: [{ line: 16, message: 'rule autogen-validate-registries (Enforce), refuses it: spec.template.spec.containers[0] is denied: element.image is "docker.io/example/agent:1.0.0" (AnyNotIn ["ghcr.io/*"])' }],
    },
    {
      name: 'an Enforce rule hctl cannot evaluate is said, not skipped',
      files: { 'policy.yaml': celPolicy, 'agent.yaml': deployment('media', true) },
      errors: [{ file: 'policy.yaml', line: 13, severity: 'info', message: 'rule two-replicas (Enforce), was not evaluated: it uses validate.cel' }],
    },
  ],
});
