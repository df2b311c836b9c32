import rule from '../../../src/rules/workloads/reference-missing.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/shop:1.0.0\n${env}`;
const envFrom = '          envFrom:\n            - secretRef:\n                name: shop-db\n';
const externalSecret = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n  target:\n    name: shop-db\n  data: []\n';

const helmRelease = (name: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  interval: 1h\n  valuesFrom:\n    - kind: ConfigMap\n      name: ${name}-values\n`;

ruleTester(rule, {
  valid: [
    { name: 'an ExternalSecret makes it', files: { 'deploy.yaml': deployment(envFrom), 'es.yaml': externalSecret } },
    { name: 'optional', code: deployment('          envFrom:\n            - secretRef:\n                name: shop-db\n                optional: true\n') },
    { name: 'a namespace with a HelmRelease: charts make Secrets hctl cannot see', files: { 'deploy.yaml': deployment(envFrom), 'hr.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: postgres\n  namespace: shop\nspec:\n  interval: 1h\n' } },
    { name: "another chart in the namespace may make a HelmRelease's values", files: { 'a.yaml': helmRelease('shop'), 'b.yaml': helmRelease('other') } },
  ],
  invalid: [
    { code: deployment(envFrom), errors: [{ line: 20, message: 'Secret shop-db is produced by nothing in the repo' }] },
    {
      name: 'one finding per missing Secret, at its first reference, however many keys the pod reads',
      code: deployment('          env:\n' + ['A', 'B', 'C'].map((key) => `            - name: ${key}\n              valueFrom:\n                secretKeyRef:\n                  name: shop-db\n                  key: ${key}\n`).join('')),
      errors: [{ line: 22, message: 'the container does not start (CreateContainerConfigError) (referenced 3 times here)' }],
    },
    {
      name: 'a Secret volume',
      code: deployment('      volumes:\n        - name: certs\n          secret:\n            secretName: shop-tls\n'),
      errors: [{ line: 21, message: 'Secret shop-tls is produced by nothing in the repo (no Secret, ExternalSecret, SOPS file, generator or Certificate in namespace shop): the pod waits in ContainerCreating (FailedMount)' }],
    },
    {
      name: "a HelmRelease's valuesFrom, though the HelmRelease makes its namespace one hctl cannot see into",
      code: helmRelease('shop'),
      errors: [{ line: 10, message: 'ConfigMap shop-values is produced by nothing in the repo (no ConfigMap, ExternalSecret, SOPS file, generator or Certificate in namespace shop): the HelmRelease fails to reconcile' }],
    },
    { name: 'a ConfigMap key reference', code: deployment('          env:\n            - name: MODE\n              valueFrom:\n                configMapKeyRef:\n                  name: shop-settings\n                  key: mode\n'), errors: [{ line: 22, message: 'ConfigMap shop-settings is produced by nothing' }] },
  ],
});
