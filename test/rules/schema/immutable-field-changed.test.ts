import rule from '../../../src/rules/schema/immutable-field-changed.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (selector: string, annotations = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n${annotations}spec:\n  selector:\n    matchLabels:\n${selector}  template:\n    metadata:\n      labels:\n        app: web\n        tier: front\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n`;
const statefulSet = (storage: string, extra = '') =>
  `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  serviceName: db\n  replicas: 1\n${extra}  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n        - name: db\n          image: postgres:16.4\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: ${storage}\n`;
const claim = (fields: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: shop\nspec:\n  accessModes: [ReadWriteOnce]\n${fields}`;
const job = (request: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  namespace: shop\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: shop/migrate:1.2.0\n          resources:\n            requests:\n              ${request}\n`;
const storageClass = (extra: string, isDefault = false) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: local-path\n${isDefault ? '  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\n' : ''}provisioner: rancher.io/local-path\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\n${extra}`;
const binding = (role: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: ${role}\nsubjects:\n  - kind: ServiceAccount\n    name: web\n`;
const flux = (force = '') =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n  prune: true\n${force}  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`;

ruleTester(rule, {
  valid: [
    { name: 'without --base nothing is compared', files: { 'deploy.yaml': deployment('      app: web\n      tier: front\n') } },
    {
      name: 'pod template labels and replicas may change',
      baseFiles: { 'deploy.yaml': deployment('      app: web\n') },
      files: { 'deploy.yaml': deployment('      app: web\n').replace('tier: front', 'tier: edge') },
    },
    { name: 'a StatefulSet may change replicas; writing down a default changes nothing', baseFiles: { 'sts.yaml': statefulSet('10Gi') }, files: { 'sts.yaml': statefulSet('10Gi', '  podManagementPolicy: OrderedReady\n').replace('replicas: 1', 'replicas: 2') } },
    { name: 'a claim template size written another way is the same quantity', baseFiles: { 'sts.yaml': statefulSet('10Gi') }, files: { 'sts.yaml': statefulSet('10240Mi') } },
    {
      name: "a Job's CPU request written another way is the same quantity",
      baseFiles: { 'job.yaml': job('cpu: 0.5') },
      files: { 'job.yaml': job('cpu: 500m') },
    },
    { name: 'a claim may grow', baseFiles: { 'pvc.yaml': claim('  resources:\n    requests:\n      storage: 10Gi\n') }, files: { 'pvc.yaml': claim('  resources:\n    requests:\n      storage: 20Gi\n') } },
    {
      name: "a claim may grow on the repository's default StorageClass that allows expansion",
      baseFiles: { 'sc.yaml': storageClass('allowVolumeExpansion: true\n', true), 'pvc.yaml': claim('  resources:\n    requests:\n      storage: 10Gi\n') },
      files: { 'sc.yaml': storageClass('allowVolumeExpansion: true\n', true), 'pvc.yaml': claim('  resources:\n    requests:\n      storage: 20Gi\n') },
    },
    {
      name: 'a storageClassName written down where the server chose the default may be that default',
      baseFiles: { 'pvc.yaml': claim('  resources:\n    requests:\n      storage: 10Gi\n') },
      files: { 'pvc.yaml': claim('  storageClassName: longhorn\n  resources:\n    requests:\n      storage: 10Gi\n') },
    },
    { name: 'a new object', baseFiles: { 'other.yaml': binding('view') }, files: { 'deploy.yaml': deployment('      app: web\n      tier: front\n') } },
    {
      name: 'Flux recreates an object annotated force',
      baseFiles: { 'deploy.yaml': deployment('      app: web\n') },
      files: { 'deploy.yaml': deployment('      app: web\n      tier: front\n', '  annotations:\n    kustomize.toolkit.fluxcd.io/force: enabled\n') },
    },
    {
      name: 'Flux recreates what a Kustomization with spec.force applies',
      baseFiles: { 'flux/apps.yaml': flux('  force: true\n'), 'apps/deploy.yaml': deployment('      app: web\n') },
      files: { 'flux/apps.yaml': flux('  force: true\n'), 'apps/deploy.yaml': deployment('      app: web\n      tier: front\n') },
    },
  ],
  invalid: [
    {
      name: 'a Deployment selector with a label added',
      baseFiles: { 'deploy.yaml': deployment('      app: web\n') },
      files: { 'deploy.yaml': deployment('      app: web\n      tier: front\n') },
      errors: [{ line: 7, column: 3, file: 'deploy.yaml', message: 'spec.selector changed since main (0000000): the API server refuses to change a selector ("field is immutable"' }],
    },
    {
      name: 'kustomize commonLabels land in the selector of every Deployment a Flux Kustomization applies',
      baseFiles: { 'flux/apps.yaml': flux(), 'apps/kustomization.yaml': 'resources:\n  - deploy.yaml\n', 'apps/deploy.yaml': deployment('      app: web\n') },
      files: { 'flux/apps.yaml': flux(), 'apps/kustomization.yaml': 'resources:\n  - deploy.yaml\ncommonLabels:\n  team: shop\n', 'apps/deploy.yaml': deployment('      app: web\n') },
      errors: [{ line: 7, file: 'apps/deploy.yaml', message: 'applying it fails (the Flux Kustomization applying it stops at the error)' }],
    },
    {
      name: "a StatefulSet's claim template size",
      baseFiles: { 'sts.yaml': statefulSet('10Gi') },
      files: { 'sts.yaml': statefulSet('20Gi') },
      errors: [{ line: 20, file: 'sts.yaml', message: "spec.volumeClaimTemplates changed since main (0000000): the API server forbids updates to a StatefulSet's spec" }],
    },
    {
      name: "a claim's storage class changed, and its request shrunk",
      baseFiles: { 'pvc.yaml': claim('  storageClassName: local-path\n  resources:\n    requests:\n      storage: 20Gi\n') },
      files: { 'pvc.yaml': claim('  storageClassName: longhorn\n  resources:\n    requests:\n      storage: 10Gi\n') },
      errors: [
        { line: 8, message: 'spec.storageClassName changed' },
        { line: 11, message: 'can not be less than previous value' },
      ],
    },
    {
      name: 'a forced claim is recreated: a warning about its data, not a refusal',
      baseFiles: { 'pvc.yaml': claim('  storageClassName: local-path\n  resources:\n    requests:\n      storage: 20Gi\n') },
      files: { 'pvc.yaml': claim('  storageClassName: longhorn\n  resources:\n    requests:\n      storage: 20Gi\n').replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    kustomize.toolkit.fluxcd.io/force: enabled\n') },
      errors: [{ line: 10, severity: 'warning', message: 'spec.storageClassName changed since main (0000000) on a claim that is recreated rather than updated' }],
    },
    { name: "a Job's CPU request", baseFiles: { 'job.yaml': job('cpu: 500m') }, files: { 'job.yaml': job('cpu: 600m') }, errors: [{ line: 7, message: 'spec.template changed since main (0000000): a Job\'s pod template is immutable' }] },
    {
      name: 'a claim grown on a StorageClass of the repository that does not allow expansion',
      baseFiles: { 'sc.yaml': storageClass(''), 'pvc.yaml': claim('  storageClassName: local-path\n  resources:\n    requests:\n      storage: 10Gi\n') },
      files: { 'sc.yaml': storageClass(''), 'pvc.yaml': claim('  storageClassName: local-path\n  resources:\n    requests:\n      storage: 20Gi\n') },
      errors: [{ line: 11, file: 'pvc.yaml', message: 'spec.resources.requests.storage changed since main (0000000): StorageClass local-path does not set allowVolumeExpansion: true, and "only dynamically provisioned pvc can be resized' }],
    },
    {
      name: 'a claim of a volume made by hand grown',
      baseFiles: { 'pvc.yaml': claim('  storageClassName: ""\n  volumeName: media\n  resources:\n    requests:\n      storage: 1Ti\n') },
      files: { 'pvc.yaml': claim('  storageClassName: ""\n  volumeName: media\n  resources:\n    requests:\n      storage: 2Ti\n') },
      errors: [{ line: 12, message: 'it names no StorageClass (storageClassName: "", a volume made by hand)' }],
    },
    { name: "a binding's roleRef", baseFiles: { 'rb.yaml': binding('view') }, files: { 'rb.yaml': binding('edit') }, errors: [{ line: 6, message: 'roleRef changed since main (0000000): a binding\'s roleRef "cannot change"' }] },
  ],
});
