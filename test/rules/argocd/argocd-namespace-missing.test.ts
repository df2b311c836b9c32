import rule from '../../../src/rules/argocd/argocd-namespace-missing.js';
import { ruleTester } from '../../rule-tester.js';

const app = (namespace: string, syncPolicy = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: n8n\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    targetRevision: main\n    path: apps/n8n\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${namespace}\n${syncPolicy}`;
const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the repo has the Namespace', files: { 'argocd/n8n.yaml': app('n8n'), 'apps/n8n/namespace.yaml': namespace('n8n') } },
    { name: 'CreateNamespace=true', files: { 'argocd/n8n.yaml': app('n8n', '  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n') } },
    { name: 'namespaces every cluster has, and Argo CD’s own', files: { 'a.yaml': app('kube-system'), 'b.yaml': app('argocd') } },
  ],
  invalid: [
    {
      name: 'a namespace created by hand',
      files: { 'argocd/n8n.yaml': app('n8n', '  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true\n'), 'apps/other/namespace.yaml': namespace('other') },
      errors: [{ file: 'argocd/n8n.yaml', line: 14, message: 'destination namespace n8n is created by no Namespace in the repo and the app has no CreateNamespace=true' }],
    },
  ],
});
