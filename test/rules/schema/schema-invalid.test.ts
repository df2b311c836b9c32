import rule from '../../../src/rules/schema/schema-invalid.js';
import { ruleTester } from '../../rule-tester.js';

const fluxKs = (extra: string) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n${extra}`;
const helmRelease = (extra: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: jellyfin\n  namespace: media\nspec:\n  interval: 30m\n  chart:\n    spec:\n      chart: jellyfin\n      version: 2.1.0\n      sourceRef:\n        kind: HelmRepository\n        name: jellyfin\n${extra}`;
// Two parentRefs to one Gateway; `kind` and `group` are left to the schema's defaults, as usual.
const httpRoute = (parentRefs: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  parentRefs:\n${parentRefs}  rules:\n    - backendRefs:\n        - name: grafana\n          port: 80\n`;
const deployment = (extra: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'retryInterval is a real field of a Flux Kustomization', code: fluxKs('  retryInterval: 2m\n') },
    helmRelease('  install:\n    remediation:\n      retries: 3\n'),
    { name: 'int-or-string ports and quantities as numbers', code: deployment('          ports:\n            - containerPort: 80\n          resources:\n            limits:\n              cpu: 1\n              memory: 512Mi\n          livenessProbe:\n            httpGet:\n              port: http\n') },
    { name: 'null means "not set"', code: deployment('          env: null\n').replace('metadata:\n  name: web', 'metadata:\n  name: web\n  creationTimestamp: null') },
    { name: 'Flux ${VAR} substitutions are typed after postBuild', code: deployment('').replace('spec:\n  selector', 'spec:\n  replicas: ${REPLICAS}\n  selector') },
    {
      name: 'SOPS-encrypted values and metadata',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: ENC[AES256_GCM,data:abc,iv:x,tag:y,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:m,type:str]\n  version: 3.9.1\n',
    },
    {
      name: 'CEL rules see schema defaults: two parentRefs to one Gateway, one listener each',
      code: httpRoute('    - name: internal\n      namespace: network\n      sectionName: http\n    - name: internal\n      namespace: network\n      sectionName: https\n'),
    },
    {
      name: 'CEL rules see escaped property names: namespace is __namespace__, so Gateways of one name in two namespaces are two parents',
      code: httpRoute('    - name: internal\n      namespace: network\n    - name: internal\n      namespace: lab\n'),
    },
    {
      name: 'a kustomize patch file is a partial object',
      files: {
        'app/kustomization.yaml': 'resources:\n  - helmrelease.yaml\npatches:\n  - path: patches/values.yaml\n',
        'app/patches/values.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: jellyfin\nspec:\n  values:\n    replicas: 2\n',
      },
    },
    {
      name: 'a file named as a patch, kept for kubectl patch, is a partial object too',
      files: { 'scripts/monitoring-storage-patch.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: kube-prometheus-stack\nspec:\n  values:\n    replicas: 2\n' },
    },
    {
      name: "the repo's own CRD wins over the bundle",
      code: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: helmreleases.helm.toolkit.fluxcd.io\nspec:\n  group: helm.toolkit.fluxcd.io\n  names:\n    kind: HelmRelease\n    plural: helmreleases\n  scope: Namespaced\n  versions:\n    - name: v2\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: anything\nspec:\n  retryInterval: 5m\n',
    },
  ],
  invalid: [
    {
      name: 'retryInterval on a HelmRelease: declared elsewhere in its schema, so misplaced, critical',
      code: helmRelease('  retryInterval: 5m\n'),
      errors: [{ line: 15, column: 3, message: 'unknown field spec.retryInterval', severity: 'critical' }],
    },
    {
      name: 'a field the bundled CRD lacks and declares nowhere may be newer than the bundle: a warning',
      code: 'apiVersion: monitoring.coreos.com/v1alpha1\nkind: AlertmanagerConfig\nmetadata:\n  name: am\nspec:\n  receivers:\n    - name: pushover\n      pushoverConfigs:\n        - sendResolved: true\n          zzNewInALaterRelease: true\n',
      errors: [{ line: 10, column: 11, severity: 'warning', message: "unknown field spec.receivers[0].pushoverConfigs[0].zzNewInALaterRelease, which hctl's bundled monitoring.coreos.com schema lacks" }],
    },
    {
      name: 'a field Kubernetes itself lacks is critical, near-miss or not',
      code: deployment('          zzNotAField: true\n'),
      errors: [{ line: 17, severity: 'critical', message: 'unknown field spec.template.spec.containers[0].zzNotAField' }],
    },
    {
      name: 'matchLoads for matchLabels, with the suggestion',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow\n  namespace: home\nspec:\n  podSelector:\n    matchLoads:\n      app: mosquitto\n',
      errors: [{ line: 8, column: 5, message: 'unknown field spec.podSelector.matchLoads' }],
    },
    {
      name: 'remoteKey for remoteRef in an ExternalSecret',
      code: 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n  data:\n    - secretKey: url\n      remoteKey: db/url\n',
      errors: [
        { line: 10, message: 'missing required field spec.data[0].remoteRef' },
        { line: 11, column: 7, message: 'unknown field spec.data[0].remoteKey' },
      ],
    },
    {
      name: 'a typo in metadata is checked against ObjectMeta, for custom resources too',
      code: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namspace: web\nspec:\n  secretName: web-tls\n  issuerRef:\n    name: letsencrypt\n  dnsNames: [web.example.com]\n',
      errors: [{ line: 5, message: 'unknown field metadata.namspace' }],
    },
    { name: 'a wrong type', code: deployment('').replace('spec:\n  selector', 'spec:\n  replicas: three\n  selector'), errors: [{ line: 6, column: 13, message: 'spec.replicas must be integer, not string' }] },
    {
      name: 'a value outside an enum',
      code: 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  issuerRef:\n    name: letsencrypt\n  privateKey:\n    algorithm: DSA\n',
      errors: [{ line: 10, column: 16, message: 'spec.privateKey.algorithm is "DSA", not one of "RSA", "ECDSA", "Ed25519"' }],
    },
    {
      name: 'a partial object in a file not named as a patch is held to the required fields',
      files: { 'scripts/monitoring-storage.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: kube-prometheus-stack\nspec:\n  values:\n    replicas: 2\n' },
      errors: [
        { line: 5, message: 'missing required field spec.interval' },
        { line: 6, message: 'either chart or chartRef must be set' },
      ],
    },
    {
      name: 'a CEL x-kubernetes-validations rule',
      code: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: nothing\nspec:\n  interval: 5m\n',
      errors: [{ line: 6, message: 'either chart or chartRef must be set' }],
    },
    {
      name: 'CEL rules see schema defaults (the API server defaults before it validates): kind and group of parentRefs',
      code: httpRoute('    - name: internal\n      namespace: network\n    - name: internal\n      namespace: network\n'),
      errors: [{ line: 8, message: 'spec.parentRefs: sectionName or port must be unique when parentRefs includes 2 or more references to the same parent' }],
    },
    {
      name: 'a kustomization.yaml, with or without apiVersion and kind',
      files: { 'app/kustomization.yaml': 'namespace: web\nresouces:\n  - deployment.yaml\n' },
      errors: [{ line: 2, column: 1, file: 'app/kustomization.yaml', message: 'unknown field resouces' }],
    },
    {
      name: 'a quantity the API server cannot parse (gb is no suffix), while 512Mi, 500m, 1e9 and 1.5 parse',
      code: deployment('          resources:\n            requests:\n              cpu: 500m\n              memory: 1e9\n            limits:\n              cpu: 1.5\n              memory: 2gb\n'),
      errors: [{ line: 23, column: 23, message: 'resources.limits.memory "2gb" is not a Kubernetes quantity' }],
    },
    { name: 'Secret data that is not base64', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: not base64!\n', errors: [{ line: 6, message: 'is not a valid byte' }] },
  ],
});
