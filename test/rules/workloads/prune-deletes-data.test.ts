import rule from '../../../src/rules/workloads/prune-deletes-data.js';
import { ruleTester } from '../../rule-tester.js';

const kustomization = (name: string, path: string, prune: boolean) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ${path}\n  prune: ${prune}\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`;
const claim = (name: string, annotations = '', storageClass = 'longhorn') =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: media\n${annotations}spec:\n  storageClassName: ${storageClass}\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 10Gi\n`;
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sonarr\n  namespace: media\nspec:\n  selector:\n    matchLabels:\n      app: sonarr\n  template:\n    metadata:\n      labels:\n        app: sonarr\n    spec:\n      containers:\n        - name: sonarr\n          image: ghcr.io/home-operations/sonarr:4.0.15\n';
const resources = (...files: string[]) => `resources:\n${files.map((file) => `  - ${file}\n`).join('')}`;
const application = (prune: boolean) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: media\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab.git\n    path: apps/media\n    targetRevision: main\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: media\n  syncPolicy:\n    automated:\n      prune: ${prune}\n`;
const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: media\n';

const fluxRepo = (files: string[], prune = true, pvc = claim('sonarr-config')) => ({
  'flux/apps.yaml': kustomization('apps', './apps', prune),
  'apps/kustomization.yaml': resources(...files),
  'apps/pvc.yaml': pvc,
  'apps/deployment.yaml': deployment,
});

ruleTester(rule, {
  valid: [
    { name: 'without --base nothing is compared', files: fluxRepo(['deployment.yaml']) },
    { name: 'a Kustomization that does not prune leaves the claim', baseFiles: fluxRepo(['pvc.yaml', 'deployment.yaml'], false), files: fluxRepo(['deployment.yaml'], false) },
    { name: 'a Deployment removed holds no data', baseFiles: fluxRepo(['pvc.yaml', 'deployment.yaml']), files: fluxRepo(['pvc.yaml']) },
    { name: 'a claim marked prune: disabled is kept', baseFiles: fluxRepo(['pvc.yaml'], true, claim('sonarr-config', '  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n')), files: fluxRepo([]) },
    {
      name: 'a claim moved to another Kustomization still reaches the cluster',
      baseFiles: fluxRepo(['pvc.yaml', 'deployment.yaml']),
      files: { ...fluxRepo(['deployment.yaml']), 'flux/data.yaml': kustomization('data', './data', true), 'data/pvc.yaml': claim('sonarr-config') },
    },
    {
      name: 'a Kustomization removed with deletionPolicy Orphan leaves what it applied',
      baseFiles: { 'clusters/flux-system.yaml': kustomization('flux-system', './clusters', true), 'clusters/apps.yaml': kustomization('apps', './apps', true).replace('  prune: true\n', '  prune: true\n  deletionPolicy: Orphan\n'), 'apps/kustomization.yaml': resources('pvc.yaml'), 'apps/pvc.yaml': claim('sonarr-config') },
      files: { 'clusters/flux-system.yaml': kustomization('flux-system', './clusters', true), 'apps/kustomization.yaml': resources('pvc.yaml'), 'apps/pvc.yaml': claim('sonarr-config') },
    },
    {
      name: 'an Argo CD Application without automated prune',
      baseFiles: { 'argocd/media.yaml': application(false), 'apps/media/namespace.yaml': namespace, 'apps/media/deployment.yaml': deployment },
      files: { 'argocd/media.yaml': application(false), 'apps/media/deployment.yaml': deployment },
    },
  ],
  invalid: [
    {
      name: 'a claim removed from a pruning Kustomization',
      baseFiles: fluxRepo(['pvc.yaml', 'deployment.yaml']),
      files: fluxRepo(['deployment.yaml']),
      errors: [
        {
          file: 'flux/apps.yaml',
          line: 9,
          column: 3,
          severity: 'critical',
          message: 'PersistentVolumeClaim media/sonarr-config reached the cluster at main (0000000) and no longer does: Flux Kustomization flux-system/apps prunes, so this change deletes it — and with the Delete reclaim policy (the default) its volume and data',
        },
      ],
    },
    {
      name: 'a claim on a Retain StorageClass: its volume stays, Released',
      baseFiles: { ...fluxRepo(['pvc.yaml', 'sc.yaml'], true, claim('sonarr-config', '', 'keep')), 'apps/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: keep\nprovisioner: driver.longhorn.io\nreclaimPolicy: Retain\n' },
      files: { ...fluxRepo(['sc.yaml'], true, claim('sonarr-config', '', 'keep')), 'apps/sc.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: keep\nprovisioner: driver.longhorn.io\nreclaimPolicy: Retain\n' },
      errors: [{ line: 9, severity: 'warning', message: 'its StorageClass keep retains the volume, which stays Released' }],
    },
    {
      name: 'a Kustomization removed from a pruning parent takes its claim with it',
      baseFiles: { 'clusters/flux-system.yaml': kustomization('flux-system', './clusters', true), 'clusters/apps.yaml': kustomization('apps', './apps', true), 'apps/kustomization.yaml': resources('pvc.yaml'), 'apps/pvc.yaml': claim('sonarr-config') },
      files: { 'clusters/flux-system.yaml': kustomization('flux-system', './clusters', true), 'apps/kustomization.yaml': resources('pvc.yaml'), 'apps/pvc.yaml': claim('sonarr-config') },
      errors: [
        {
          file: 'clusters/flux-system.yaml',
          line: 9,
          message: 'no longer does: Flux Kustomization flux-system/apps, removed too, garbage-collects what it applied (Flux Kustomization flux-system/flux-system prunes), so this change deletes it',
        },
      ],
    },
    {
      name: 'a Kustomization taken out of its parent build, its file left behind (no Flux bootstrap: parentless Kustomizations look like roots)',
      baseFiles: { 'flux/cluster-apps.yaml': kustomization('cluster-apps', './apps', true), 'apps/kustomization.yaml': resources('media/ks.yaml'), 'apps/media/ks.yaml': kustomization('media', './apps/media/app', true), 'apps/media/app/kustomization.yaml': resources('pvc.yaml'), 'apps/media/app/pvc.yaml': claim('sonarr-config') },
      files: { 'flux/cluster-apps.yaml': kustomization('cluster-apps', './apps', true), 'apps/kustomization.yaml': 'resources: []\n', 'apps/media/ks.yaml': kustomization('media', './apps/media/app', true), 'apps/media/app/kustomization.yaml': resources('pvc.yaml'), 'apps/media/app/pvc.yaml': claim('sonarr-config') },
      errors: [{ file: 'flux/cluster-apps.yaml', line: 9, message: 'Flux Kustomization flux-system/media, removed too, garbage-collects what it applied (Flux Kustomization flux-system/cluster-apps prunes)' }],
    },
    {
      name: 'a Namespace removed from an Argo CD Application that prunes automatically',
      baseFiles: { 'argocd/media.yaml': application(true), 'apps/media/namespace.yaml': namespace, 'apps/media/deployment.yaml': deployment },
      files: { 'argocd/media.yaml': application(true), 'apps/media/deployment.yaml': deployment },
      errors: [
        {
          file: 'argocd/media.yaml',
          line: 17,
          message: 'Namespace media reached the cluster at main (0000000) and no longer does: Argo CD Application argocd/media prunes automatically, so this change deletes it — and everything in it',
        },
      ],
    },
  ],
});
