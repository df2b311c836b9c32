import rule from '../../../src/rules/argocd/argocd-appset-generator-empty.js';
import { ruleTester } from '../../rule-tester.js';

const gitConfig = '[remote "origin"]\n\turl = https://github.com/example/homelab\n';
const appSet = (generator: string, policy = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\n  namespace: argocd\nspec:\n  generators:\n${generator}  template:\n    metadata:\n      name: '{{path.basename}}'\n    spec:\n      project: default\n      source:\n        repoURL: https://github.com/example/homelab\n        targetRevision: main\n        path: '{{path}}'\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: '{{path.basename}}'\n${policy}`;
const directories = (pattern: string, repoURL = 'https://github.com/example/homelab.git') =>
  `    - git:\n        repoURL: ${repoURL}\n        revision: main\n        directories:\n          - path: ${pattern}\n          - path: apps/old-*\n            exclude: true\n`;
const tree = { 'apps/demo/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n', 'apps/old-demo/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n' };

ruleTester(rule, {
  valid: [
    { name: 'the pattern matches a directory', files: { '.git/config': gitConfig, 'argocd/apps.yaml': appSet(directories('apps/*')), ...tree } },
    { name: 'another repository is not judged', files: { '.git/config': gitConfig, 'argocd/apps.yaml': appSet(directories('nothing/*', 'https://github.com/example/other')), ...tree } },
    {
      name: 'a files generator in a matrix that matches',
      files: { '.git/config': gitConfig, 'argocd/apps.yaml': appSet(`    - matrix:\n        generators:\n          - list:\n              elements:\n                - cluster: home\n          - git:\n              repoURL: https://github.com/example/homelab\n              revision: main\n              files:\n                - path: clusters/*/config.json\n`), 'clusters/home/config.json': '{"name": "home"}', ...tree },
    },
  ],
  invalid: [
    {
      name: 'a moved directory: the pattern matches nothing (what matches is excluded)',
      files: { '.git/config': gitConfig, 'argocd/apps.yaml': appSet(directories('apps/old-*')), ...tree },
      errors: [{ file: 'argocd/apps.yaml', line: 12, message: 'pattern apps/old-* matches no directory in this repository: it generates no Application, and Argo CD deletes' }],
    },
    {
      name: 'a files generator in a matrix, create-only policy',
      files: {
        '.git/config': gitConfig,
        'argocd/apps.yaml': appSet(`    - matrix:\n        generators:\n          - list:\n              elements:\n                - cluster: home\n          - git:\n              repoURL: https://github.com/example/homelab\n              revision: main\n              files:\n                - path: cluster/*/config.json\n`, '  syncPolicy:\n    applicationsSync: create-only\n'),
        'clusters/home/config.json': '{"name": "home"}',
      },
      errors: [{ line: 17, message: /^Git files generator pattern cluster\/\*\/config.json matches no file in this repository: it generates no Application$/ }],
    },
  ],
});
