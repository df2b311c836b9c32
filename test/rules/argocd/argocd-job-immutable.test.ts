import rule from '../../../src/rules/argocd/argocd-job-immutable.js';
import { ruleTester } from '../../rule-tester.js';

const app = (extra = '') => `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: vault\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/platform-lab\n    path: apps/vault\n    targetRevision: HEAD\n${extra}`;
const job = (annotations = '') => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: token-writer\n  namespace: vault\n${annotations}spec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers:\n        - name: writer\n          image: bitnami/kubectl:1.32.4\n`;

ruleTester(rule, {
  valid: [
    { name: 'a Sync hook', files: { 'argocd/vault.yaml': app(), 'apps/vault/job.yaml': job('  annotations:\n    argocd.argoproj.io/hook: Sync\n') } },
    { name: 'Replace=true on the Job', files: { 'argocd/vault.yaml': app(), 'apps/vault/job.yaml': job('  annotations:\n    argocd.argoproj.io/sync-options: Replace=true\n') } },
    { name: 'Replace=true on the Application', files: { 'argocd/vault.yaml': app('  syncPolicy:\n    syncOptions: [Replace=true]\n'), 'apps/vault/job.yaml': job() } },
    { name: 'a Job no Application deploys', files: { 'apps/other/job.yaml': job() } },
  ],
  invalid: [{ files: { 'argocd/vault.yaml': app(), 'apps/vault/job.yaml': job() }, errors: [{ line: 3, column: 1, file: 'apps/vault/job.yaml', message: 'Application vault syncs this Job in place' }] }],
});
