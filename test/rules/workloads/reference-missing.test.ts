import rule from '../../../src/rules/workloads/reference-missing.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: shop\n  template:\n    metadata:\n      labels:\n        app: shop\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/shop:1.0.0\n${env}`;
const envFrom = '          envFrom:\n            - secretRef:\n                name: shop-db\n';
const externalSecret = (target: string, namespace = 'shop', extra = '') =>
  `apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: shop\n  namespace: ${namespace}\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n  target:\n    name: ${target}\n${extra}  data: []\n`;
const pvc = (name: string, namespace = 'shop') => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n`;
const claimVolume = (claim: string) => `      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: ${claim}\n`;

const helmRelease = (name: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  interval: 1h\n  valuesFrom:\n    - kind: ConfigMap\n      name: ${name}-values\n`;

/** A bjw-s app-template HelmRelease named sonarr in namespace media; `container` and `values` are indented for their place. */
const appTemplate = (container: string, values = '', spec = '') =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: sonarr\n  namespace: media\nspec:\n  interval: 1h\n  chartRef:\n    kind: OCIRepository\n    name: app-template\n${spec}  values:\n    controllers:\n      sonarr:\n        containers:\n          app:\n            image:\n              repository: ghcr.io/home-operations/sonarr\n              tag: 4.0.15\n${container}${values}`;
const releaseSecret = '            envFrom:\n              - secretRef:\n                  name: "{{ .Release.Name }}-secret"\n';
const existingClaim = '    persistence:\n      config:\n        existingClaim: "{{ .Release.Name }}"\n';

ruleTester(rule, {
  valid: [
    { name: 'an ExternalSecret makes it', files: { 'deploy.yaml': deployment(envFrom), 'es.yaml': externalSecret('shop-db') } },
    { name: 'optional', code: deployment('          envFrom:\n            - secretRef:\n                name: shop-db\n                optional: true\n') },
    { name: 'a namespace with a HelmRelease: charts make Secrets hctl cannot see', files: { 'deploy.yaml': deployment(envFrom), 'hr.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: postgres\n  namespace: shop\nspec:\n  interval: 1h\n' } },
    { name: 'a namespace with an operator: a database Cluster makes its app Secret', files: { 'deploy.yaml': deployment(envFrom), 'db.yaml': 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: shop\n  namespace: shop\nspec:\n  instances: 1\n' } },
    { name: "another chart in the namespace may make a HelmRelease's values", files: { 'a.yaml': helmRelease('shop'), 'b.yaml': helmRelease('other') } },
    { name: 'a PersistentVolumeClaim in the repo', files: { 'deploy.yaml': deployment(claimVolume('shop-data')), 'pvc.yaml': pvc('shop-data') } },
    {
      name: "a StatefulSet's claim template",
      files: {
        'deploy.yaml': deployment(claimVolume('data-db-0')),
        'db.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  serviceName: db\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: 1Gi\n',
      },
    },
    { name: 'VolSync may make the claim it restores into', files: { 'deploy.yaml': deployment(claimVolume('shop-data')), 'rd.yaml': 'apiVersion: volsync.backube/v1alpha1\nkind: ReplicationDestination\nmetadata:\n  name: shop-dst\n  namespace: shop\nspec:\n  trigger:\n    manual: restore\n' } },
    { name: 'kube-root-ca.crt, which Kubernetes puts in every namespace', code: deployment('      volumes:\n        - name: ca\n          projected:\n            sources:\n              - configMap:\n                  name: kube-root-ca.crt\n') },
    { name: 'a ClusterExternalSecret makes it in every namespace', files: { 'deploy.yaml': deployment(envFrom), 'ces.yaml': 'apiVersion: external-secrets.io/v1\nkind: ClusterExternalSecret\nmetadata:\n  name: shop-db\nspec:\n  namespaceSelectors:\n    - matchLabels:\n        shop: "true"\n  externalSecretSpec:\n    secretStoreRef:\n      kind: ClusterSecretStore\n      name: vault\n    data: []\n' } },
    {
      name: 'the SOPS key a Flux Kustomization decrypts with, made at bootstrap',
      files: {
        'deploy.yaml': deployment('      volumes:\n        - name: sops\n          secret:\n            secretName: sops-age\n').replace('namespace: shop', 'namespace: flux-system'),
        'ks.yaml': 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n  decryption:\n    provider: sops\n    secretRef:\n      name: sops-age\n',
      },
    },
    {
      name: 'an Argo CD Helm chart rendered into the namespace may make it',
      files: {
        'deploy.yaml': deployment(envFrom),
        'app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: db\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://charts.example.com\n    chart: postgres\n    targetRevision: 1.0.0\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: shop\n',
      },
    },
    { name: "app-template: {{ .Release.Name }} names the ExternalSecret's target", files: { 'hr.yaml': appTemplate(releaseSecret), 'es.yaml': externalSecret('sonarr-secret', 'media') } },
    { name: 'app-template: an existingClaim the repo makes', files: { 'hr.yaml': appTemplate('', existingClaim), 'pvc.yaml': pvc('sonarr', 'media') } },
    {
      name: "app-template: the chart's own Secret, by identifier, by key or by its prefixed name",
      code: appTemplate(
        '            envFrom:\n              - secretRef:\n                  identifier: app\n              - secret: app\n              - secretRef:\n                  name: sonarr-app\n',
        '    secrets:\n      app:\n        stringData:\n          KEY: value\n',
      ),
    },
    { name: 'app-template: a ConfigMap the chart makes, named after the release', code: appTemplate('            envFrom:\n              - configMapRef:\n                  name: sonarr\n', '    configMaps:\n      config:\n        data:\n          a: b\n') },
    { name: 'app-template: rawResources may make anything', code: appTemplate(releaseSecret, '    rawResources:\n      secret:\n        apiVersion: v1\n        kind: Secret\n        spec: {}\n') },
    { name: 'app-template: a release name Flux would shorten with a hash is not guessed', code: appTemplate(releaseSecret, '', `  releaseName: ${'x'.repeat(54)}\n`) },
    { name: 'app-template: a name templated beyond the release is not guessed', code: appTemplate('            envFrom:\n              - secretRef:\n                  name: "{{ .Values.secretName }}"\n') },
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
      errors: [{ line: 10, message: 'ConfigMap shop-values is produced by nothing in the repo (no ConfigMap or generator in namespace shop): the HelmRelease fails to reconcile' }],
    },
    { name: 'a ConfigMap key reference', code: deployment('          env:\n            - name: MODE\n              valueFrom:\n                configMapKeyRef:\n                  name: shop-settings\n                  key: mode\n'), errors: [{ line: 22, message: 'ConfigMap shop-settings is produced by nothing' }] },
    { name: 'a projected Secret', code: deployment('      volumes:\n        - name: all\n          projected:\n            sources:\n              - secret:\n                  name: shop-keys\n'), errors: [{ line: 23, message: 'Secret shop-keys is produced by nothing' }] },
    {
      name: 'a missing PersistentVolumeClaim',
      files: { 'deploy.yaml': deployment(claimVolume('shop-data')), 'es.yaml': externalSecret('other') },
      errors: [{ line: 21, message: 'PersistentVolumeClaim shop-data is produced by nothing in the repo (no PersistentVolumeClaim or chart that makes it in namespace shop): the pod stays Pending (persistentvolumeclaim not found)' }],
    },
    { name: 'an ExternalSecret that only merges into an existing Secret makes nothing', files: { 'deploy.yaml': deployment(envFrom), 'es.yaml': externalSecret('shop-db', 'shop', '    creationPolicy: Merge\n') }, errors: [{ line: 20, message: 'Secret shop-db' }] },
    { name: 'VolSync makes claims, not Secrets', files: { 'deploy.yaml': deployment(envFrom), 'rd.yaml': 'apiVersion: volsync.backube/v1alpha1\nkind: ReplicationDestination\nmetadata:\n  name: shop-dst\n  namespace: shop\nspec: {}\n' }, errors: [{ line: 20, message: 'Secret shop-db' }] },
    { name: 'app-template: envFrom with {{ .Release.Name }}', code: appTemplate(releaseSecret), errors: [{ line: 21, message: 'Secret sonarr-secret is produced by nothing in the repo (no Secret, ExternalSecret, SOPS file, generator or Certificate in namespace media): the container does not start' }] },
    {
      name: "app-template: the release's namespace is the HelmRelease's targetNamespace",
      files: { 'hr.yaml': appTemplate(releaseSecret, '', '  targetNamespace: downloads\n  releaseName: sonarr\n'), 'es.yaml': externalSecret('sonarr-secret', 'media') },
      errors: [{ line: 23, message: 'Secret sonarr-secret is produced by nothing in the repo (no Secret, ExternalSecret, SOPS file, generator or Certificate in namespace downloads)' }],
    },
    {
      name: 'app-template: env as a map, with valueFrom and with its shorthand',
      code: appTemplate('            env:\n              API_KEY:\n                valueFrom:\n                  secretKeyRef:\n                    name: sonarr-api\n                    key: key\n              TOKEN:\n                secretKeyRef:\n                  name: sonarr-token\n                  key: token\n'),
      errors: [
        { line: 23, message: 'Secret sonarr-api is produced by nothing' },
        { line: 27, message: 'Secret sonarr-token is produced by nothing' },
      ],
    },
    { name: 'app-template: an existingClaim nothing makes', code: appTemplate('', existingClaim), errors: [{ line: 21, message: 'PersistentVolumeClaim sonarr is produced by nothing in the repo' }] },
    { name: 'app-template: a ConfigMap mounted by name', code: appTemplate('', '    persistence:\n      config-file:\n        type: configMap\n        name: sonarr-config\n'), errors: [{ line: 22, message: 'ConfigMap sonarr-config is produced by nothing' }] },
  ],
});
