import rule from '../../../src/rules/argocd/argocd-unreached.js';
import { ruleTester } from '../../rule-tester.js';

const app = (name: string, appPath: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    targetRevision: main\n    path: ${appPath}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${name}\n`;
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';

ruleTester(rule, {
  valid: [
    { name: 'every Application is reached from the app of apps', files: { 'argocd/root.yaml': app('root', 'argocd/apps'), 'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n'), 'apps/n8n/cm.yaml': cm } },
    { name: 'without an app of apps, every Application is applied by hand on purpose', files: { 'argocd/n8n.yaml': app('n8n', 'apps/n8n'), 'argocd/loki.yaml': app('loki', 'apps/loki') } },
  ],
  invalid: [
    {
      name: 'an Application outside the app of apps’ path, even one that deploys itself',
      files: { 'argocd/root.yaml': app('root', 'argocd/apps'), 'argocd/apps/n8n.yaml': app('n8n', 'apps/n8n'), 'apps/n8n/cm.yaml': cm, 'apps/vanmenh/application.yaml': app('vanmenh', 'apps/vanmenh') },
      errors: [{ file: 'apps/vanmenh/application.yaml', line: 1, message: 'no other Application deploys this one and the app of apps (root) does not reach it' }],
    },
  ],
});
