import rule from '../../../src/rules/argocd/argocd-hpa-replicas-drift.js';
import { ruleTester } from '../../rule-tester.js';

const app = (extra = '') => `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: taskapp\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/platform-lab\n    path: apps/taskapp\n    targetRevision: HEAD\n${extra}`;
const backend = (replicas: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: backend\n  namespace: taskapp\nspec:\n${replicas}  selector:\n    matchLabels:\n      app: backend\n  template:\n    metadata:\n      labels:\n        app: backend\n    spec:\n      containers:\n        - name: backend\n          image: ghcr.io/example/backend:1.2.0\n`;
const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: backend\n  namespace: taskapp\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: backend\n  minReplicas: 2\n  maxReplicas: 10\n';

ruleTester(rule, {
  valid: [
    { name: 'no spec.replicas: the HPA owns it', files: { 'argocd/taskapp.yaml': app(), 'apps/taskapp/backend.yaml': backend(''), 'apps/taskapp/hpa.yaml': hpa } },
    { name: 'ignoreDifferences on /spec/replicas', files: { 'argocd/taskapp.yaml': app('  ignoreDifferences:\n    - group: apps\n      kind: Deployment\n      jsonPointers: [/spec/replicas]\n'), 'apps/taskapp/backend.yaml': backend('  replicas: 2\n'), 'apps/taskapp/hpa.yaml': hpa } },
    { name: 'no HPA', files: { 'argocd/taskapp.yaml': app(), 'apps/taskapp/backend.yaml': backend('  replicas: 2\n') } },
  ],
  invalid: [{ files: { 'argocd/taskapp.yaml': app(), 'apps/taskapp/backend.yaml': backend('  replicas: 2\n'), 'apps/taskapp/hpa.yaml': hpa }, errors: [{ line: 7, file: 'apps/taskapp/backend.yaml', message: 'Application taskapp has no ignoreDifferences on /spec/replicas' }] }],
});
