import rule from '../../../src/rules/argocd/argocd-unreached.js';
import { ruleTester } from '../../rule-tester.js';

const app = (name: string, appPath: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    targetRevision: main\n    path: ${appPath}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${name}\n`;
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';

ruleTester(rule, {
  valid: [
    { name: 'every Application is reached from the app of apps', files: { 'argocd/root.yaml': app('root', 'argocd/apps'), 'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n'), 'apps/n8n/cm.yaml': cm } },
    {
      name: 'an app of apps built by kustomize (ApplicationSets expanded: a git directories generator)',
      files: {
        '.git/config': '[remote "origin"]\n\turl = git@github.com:example/homelab.git\n',
        'argocd/root.yaml': app('root', 'argocd/apps'),
        'argocd/apps/kustomization.yaml': 'resources:\n  - n8n.yaml\n  - appset.yaml\n',
        'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n'),
        'argocd/apps/appset.yaml': `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: stacks\n  namespace: argocd\nspec:\n  generators:\n    - git:\n        repoURL: https://github.com/example/homelab\n        revision: main\n        directories:\n          - path: stacks/*\n  template:\n    metadata:\n      name: '{{path.basename}}'\n    spec:\n      project: default\n      source:\n        repoURL: https://github.com/example/homelab\n        targetRevision: main\n        path: '{{path}}'\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: '{{path.basename}}'\n`,
        'stacks/loki/loki.yaml': app('loki', 'apps/loki'),
        'apps/n8n/cm.yaml': cm,
      },
    },
    {
      name: 'a nested directory reached because its source recurses',
      files: { 'argocd/root.yaml': app('root', 'argocd').replace('    path: argocd\n', '    path: argocd\n    directory:\n      recurse: true\n'), 'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n') },
    },
    { name: 'without an app of apps, every Application is applied by hand on purpose', files: { 'argocd/n8n.yaml': app('n8n', 'apps/n8n'), 'argocd/loki.yaml': app('loki', 'apps/loki') } },
  ],
  invalid: [
    {
      name: 'an Application outside the app of apps’ path, even one that deploys itself',
      files: { 'argocd/root.yaml': app('root', 'argocd/apps'), 'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n'), 'apps/n8n/cm.yaml': cm, 'apps/vanmenh/application.yaml': app('vanmenh', 'apps/vanmenh') },
      errors: [{ file: 'apps/vanmenh/application.yaml', line: 1, message: 'no other Application deploys this one and the app of apps (root) does not reach it' }],
    },
    {
      name: 'a nested directory of a directory source: Argo CD reads only the top level unless it recurses',
      files: { 'argocd/root.yaml': app('root', 'argocd'), 'argocd/n8n.yaml': app('n8n', 'apps/n8n'), 'argocd/old/loki.yaml': app('loki', 'apps/loki') },
      errors: [{ file: 'argocd/old/loki.yaml', line: 1, message: 'no other Application deploys this one and the app of apps (root) does not reach it' }],
    },
    {
      name: 'a file a directory source\'s include pattern leaves out',
      files: { 'argocd/root.yaml': app('root', 'argocd').replace('    path: argocd\n', "    path: argocd\n    directory:\n      include: '{root.yaml,n8n.yaml}'\n"), 'argocd/n8n.yaml': app('n8n', 'apps/n8n'), 'argocd/loki.yaml': app('loki', 'apps/loki') },
      errors: [{ file: 'argocd/loki.yaml', line: 1, message: 'no other Application deploys this one and the app of apps (root) does not reach it' }],
    },
  ],
});
