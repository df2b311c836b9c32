import rule from '../../../src/rules/render/kustomize-build-error.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../rule-tester.js';
import { antonRepo, ks } from '../flux/flux-graph-fixtures.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const argoApp = `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: demo\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    targetRevision: main\n    path: apps/demo\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: demo\n`;

ruleTester(rule, {
  valid: [
    { files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) },
    {
      name: 'an Argo CD Application whose own kustomize patch and namespace apply',
      files: {
        '.hctl.yaml': 'repoURL: https://github.com/example/homelab\n',
        'argocd/demo.yaml': argoApp.replace('    path: apps/demo\n', '    path: apps/demo\n    kustomize:\n      namespace: demo\n      patches:\n        - target: {kind: ConfigMap}\n          patch: |\n            - op: add\n              path: /metadata/annotations\n              value: {team: media}\n'),
        'apps/demo/kustomization.yaml': 'resources:\n  - cm.yaml\n',
        'apps/demo/cm.yaml': configMap('demo'),
      },
    },
    {
      name: 'objects differing only in namespace, in a Flux build without targetNamespace',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), {
        'apps/media/sonarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n  namespace: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n  namespace: b\n',
      }),
    },
    {
      name: 'a repo without Flux: every kustomization builds (the nested one as part of its parent)',
      files: { 'apps/kustomization.yaml': 'resources:\n  - demo\n', 'apps/demo/kustomization.yaml': 'resources:\n  - cm.yaml\n', 'apps/demo/cm.yaml': configMap('demo') },
    },
    {
      name: 'a Component is not built on its own (its patch targets what the including build has)',
      files: {
        'clusters/home/apps/kustomization.yaml': 'resources:\n  - cm.yaml\ncomponents:\n  - ../../../components/label\n',
        'clusters/home/apps/cm.yaml': configMap('demo'),
        'components/label/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - patch: |\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: demo\n        labels: {team: media}\n',
      },
    },
    { name: 'a Helm chart inflation hctl does not build is not an error', files: { 'apps/kustomization.yaml': 'helmCharts:\n  - name: demo\n    repo: https://example.com/charts\n    version: 1.0.0\nresources:\n  - cm.yaml\n', 'apps/cm.yaml': configMap('demo') } },
  ],
  invalid: [
    {
      name: 'a repo without Flux: a kustomization names a file that is not there',
      files: { 'apps/demo/kustomization.yaml': 'resources:\n  - cm.yaml\n  - secret.yaml\n', 'apps/demo/cm.yaml': configMap('demo') },
      errors: [{ line: 3, column: 5, file: 'apps/demo/kustomization.yaml', severity: 'critical', message: 'does not exist (from apps/demo): `kustomize build apps/demo` fails; applying it (`kubectl apply -k`, Argo CD) fails' }],
    },
    {
      name: 'a directory without a kustomization.yaml named as a resource, at its entry',
      files: { 'apps/kustomization.yaml': 'resources:\n  - cm.yaml\n  - plain\n', 'apps/cm.yaml': configMap('demo'), 'apps/plain/cm.yaml': configMap('plain') },
      errors: [{ line: 3, column: 5, file: 'apps/kustomization.yaml', message: 'no kustomization.yaml in apps/plain: `kustomize build apps` fails' }],
    },
    {
      name: 'a generator file that is not there, at the entry naming it',
      files: { 'apps/kustomization.yaml': 'configMapGenerator:\n  - name: scripts\n    files:\n      - run.sh\n      - hook.sh=./scripts/hook.sh\n', 'apps/run.sh': 'echo hi\n' },
      errors: [{ line: 5, column: 9, message: 'generator file apps/scripts/hook.sh does not exist' }],
    },
    {
      name: 'the error of a nested kustomization is reported once, from the build that includes it',
      files: { 'apps/kustomization.yaml': 'resources:\n  - demo\n', 'apps/demo/kustomization.yaml': 'resources:\n  - gone.yaml\n' },
      errors: [{ line: 2, file: 'apps/demo/kustomization.yaml', message: '`kustomize build apps` fails' }],
    },
    {
      name: 'a base is built as part of the overlay that includes it, though the overlay lies deeper',
      files: { 'base/kustomization.yaml': 'resources:\n  - gone.yaml\n', 'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n' },
      errors: [{ line: 2, file: 'base/kustomization.yaml', message: '`kustomize build overlays/prod` fails' }],
    },
    {
      name: 'the Argo CD Application that renders the directory is named',
      files: { '.hctl.yaml': 'repoURL: https://github.com/example/homelab\n', 'argocd/demo.yaml': argoApp, 'apps/demo/kustomization.yaml': 'resources:\n  - gone.yaml\n' },
      errors: [{ line: 2, severity: 'critical', message: '`kustomize build apps/demo` fails; Argo CD Application argocd/demo cannot generate its manifests' }],
    },
    {
      name: 'in a Flux repo, a directory no Flux Kustomization builds fails too: a warning',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/old/kustomization.yaml': 'resources:\n  - gone.yaml\n' }),
      errors: [{ line: 2, file: 'apps/old/kustomization.yaml', severity: 'warning', message: 'no Flux Kustomization builds this directory' }],
    },
    {
      name: 'Flux lists every .yaml file of a path without a kustomization.yaml: a Helm values file fails the build (a .json file it does not list)',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), {
        'apps/media/radarr/app/values.yaml': 'persistence:\n  enabled: true\n',
        'apps/media/radarr/app/unnamed.json': '{"apiVersion": "v1", "kind": "ConfigMap"}',
      }),
      errors: [{ line: 1, file: 'apps/media/radarr/ks.yaml', message: 'apps/media/radarr/app/values.yaml holds a YAML document that is not a Kubernetes object, and kustomize refuses it as a resource ("missing Resource metadata"): Flux Kustomization media/radarr fails to build' }],
    },
    {
      name: 'two files of a path without a kustomization.yaml define one object: Flux\'s generated kustomization fails as kustomize does',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/radarr/app/old/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: radarr\n' }),
      errors: [{ line: 1, file: 'apps/media/radarr/app/old/cm.yaml', message: 'apps/media/radarr/app/old/cm.yaml adds ConfigMap radarr, which apps/media/radarr/app already has' }],
    },
    {
      name: 'a Flux Kustomization\'s own spec.patches that cannot apply: a JSON patch on a path the object lacks',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  patches:\n    - patch: |\n        - op: remove\n          path: /data/level\n      target:\n        kind: ConfigMap\n')),
      errors: [{ line: 16, column: 7, file: 'apps/media/sonarr/ks.yaml', message: 'JSON patch on kind=ConfigMap failed: remove /data/level: the object has no such path: Flux Kustomization media/sonarr fails to build and applies nothing' }],
    },
    {
      name: 'an Argo CD Application whose own kustomize patch finds no path, at that patch',
      files: {
        '.hctl.yaml': 'repoURL: https://github.com/example/homelab\n',
        'argocd/demo.yaml': argoApp.replace('    path: apps/demo\n', '    path: apps/demo\n    kustomize:\n      patches:\n        - target: {kind: ConfigMap}\n          patch: |\n            - op: remove\n              path: /data/level\n'),
        'apps/demo/kustomization.yaml': 'resources:\n  - cm.yaml\n',
        'apps/demo/cm.yaml': configMap('demo'),
      },
      errors: [{ line: 14, column: 11, file: 'argocd/demo.yaml', message: 'remove /data/level: the object has no such path: Argo CD Application argocd/demo cannot generate its manifests and applies nothing' }],
    },
    {
      name: 'an Argo CD Application whose kustomize.namespace makes two objects one, at that namespace',
      files: {
        '.hctl.yaml': 'repoURL: https://github.com/example/homelab\n',
        'argocd/demo.yaml': argoApp.replace('    path: apps/demo\n', '    path: apps/demo\n    kustomize:\n      namespace: demo\n'),
        'apps/demo/kustomization.yaml': 'resources:\n  - a.yaml\n  - b.yaml\n',
        'apps/demo/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n  namespace: a\n',
        'apps/demo/b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n  namespace: b\n',
      },
      errors: [{ line: 13, column: 18, file: 'argocd/demo.yaml', message: 'namespace demo makes two objects one: ConfigMap demo/demo ("namespace transformation produces ID conflict"): Argo CD Application argocd/demo cannot generate' }],
    },
    {
      name: 'a Flux targetNamespace that makes two objects one (kustomize-controller writes it into the kustomization), at spec.targetNamespace',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  targetNamespace: media\n'), {
        'apps/media/sonarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n  namespace: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n  namespace: b\n',
      }),
      errors: [{ line: 15, column: 20, file: 'apps/media/sonarr/ks.yaml', message: 'targetNamespace media makes two objects one: ConfigMap media/sonarr ("namespace transformation produces ID conflict"): Flux Kustomization media/sonarr fails to build and applies nothing' }],
    },
    {
      name: 'a resource without metadata.name (generateName is for kubectl create), at its entry',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), {
        'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - job.yaml\n',
        'apps/media/sonarr/app/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n',
      }),
      errors: [{ line: 3, column: 5, file: 'apps/media/sonarr/app/kustomization.yaml', message: 'apps/media/sonarr/app/job.yaml holds a Job without metadata.name' }],
    },
    {
      name: 'a resource file that does not exist, at its entry',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - helmrelease.yaml\n' }),
      errors: [{ line: 3, column: 5, file: 'apps/media/sonarr/app/kustomization.yaml', message: 'helmrelease.yaml does not exist (from apps/media/sonarr/app): Flux Kustomization media/sonarr fails to build' }],
    },
  ],
});

describe('kustomize-build-error hints', () => {
  const failing = (kustomization: string, extra: Record<string, string> = {}) =>
    runRule(rule, { files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': kustomization, ...extra }) })[0]?.hint;
  it('say what to fix for each kind of failure', () => {
    expect(failing('resources:\n  - cm.yaml\n  - gone.yaml\n')).toMatch(/^Fix the path or file name/);
    expect(failing('resources:\n  - cm.yaml\n  - values.yaml\n', { 'apps/media/sonarr/app/values.yaml': 'replicas: 2\n' })).toMatch(/^List only manifests as resources \(a values file belongs in a configMapGenerator\)/);
  });
  it('name the patch file that does not parse', () => {
    const [finding] = runRule(rule, { files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', 'apps/media/sonarr/app/patch.yaml': 'a: [\n' }) });
    expect(finding?.message).toMatch(/^patch apps\/media\/sonarr\/app\/patch.yaml does not parse/);
  });
  it('say what to fix for YAML and patch failures', () => {
    expect(failing('resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', { 'apps/media/sonarr/app/patch.yaml': 'a: [\n' })).toMatch(/^Fix the YAML of that file/);
    expect(failing('resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', { 'apps/media/sonarr/app/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nothing\nspec:\n  replicas: 2\n' })).toMatch(/^Fix the patch target/);
  });
});
