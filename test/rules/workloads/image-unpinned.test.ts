import rule from '../../../src/rules/workloads/image-unpinned.js';
import { ruleTester } from '../../rule-tester.js';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
const release = (values: string) => `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ollama\nspec:\n  values:\n${values}`;

ruleTester(rule, {
  valid: [
    pod('ghcr.io/app/app:1.4.2'),
    pod('registry.local:5000/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
    pod('${IMAGE}'),
    { name: 'chart default tag (empty) is pinned by the chart version', code: release('    image:\n      repository: ollama/ollama\n      tag: ""\n') },
  ],
  invalid: [
    { code: pod('ollama/ollama:latest'), errors: [{ line: 8, column: 14, message: 'uses the :latest tag' }] },
    { name: 'untagged, with a registry port', code: pod('registry.local:5000/tools'), errors: [{ line: 8, message: 'has no tag' }] },
    { name: 'HelmRelease values as repository + tag', code: release('    image:\n      repository: ollama/ollama\n      tag: latest\n'), errors: [{ line: 9, message: 'Helm value image: ollama/ollama uses the :latest tag' }] },
    { name: 'HelmRelease values as a string', code: release('    sidecar:\n      image: docker.io/library/busybox\n'), errors: [{ line: 8 }] },
    {
      name: 'an Argo CD Application\'s helm.values string, at the line inside it',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ollama\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://otwld.github.io/ollama-helm\n    chart: ollama\n    targetRevision: 1.24.0\n    helm:\n      values: |\n        replicaCount: 1\n        image:\n          repository: ollama/ollama\n          tag: latest\n',
      errors: [{ line: 17, column: 16, message: 'Helm value image: ollama/ollama uses the :latest tag' }],
    },
    {
      name: 'an Argo CD Application\'s helm.valuesObject',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ollama\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://otwld.github.io/ollama-helm\n    chart: ollama\n    targetRevision: 1.24.0\n    helm:\n      valuesObject:\n        image:\n          repository: ollama/ollama\n          tag: latest\n',
      errors: [{ line: 16, message: 'Helm value image: ollama/ollama uses the :latest tag' }],
    },
  ],
});
