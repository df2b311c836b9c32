import rule from '../../../src/rules/workloads/pdb-blocks-eviction.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (replicas: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: postgres\n  namespace: shop\nspec:\n${replicas}  selector:\n    matchLabels:\n      app: postgres\n  template:\n    metadata:\n      labels:\n        app: postgres\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.4\n`;
const budget = (field: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: postgres\n  namespace: shop\nspec:\n  ${field}\n  selector:\n    matchLabels:\n      app: postgres\n`;
const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: postgres\n  namespace: shop\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: postgres\n  minReplicas: 1\n  maxReplicas: 3\n';

ruleTester(rule, {
  valid: [
    { name: 'minAvailable below the replicas', files: { 'deploy.yaml': deployment('  replicas: 3\n'), 'pdb.yaml': budget('minAvailable: 2') } },
    { name: 'maxUnavailable 1', files: { 'deploy.yaml': deployment(''), 'pdb.yaml': budget('maxUnavailable: 1') } },
    { name: 'a percentage that leaves one pod to evict (50 % of 3 rounds up to 2)', files: { 'deploy.yaml': deployment('  replicas: 3\n'), 'pdb.yaml': budget('minAvailable: 50%') } },
    { name: 'pods the repo does not hold (a chart’s) are not counted', files: { 'pdb.yaml': budget('minAvailable: 1') } },
    { name: 'replicas an autoscaler sets are not counted', files: { 'deploy.yaml': deployment(''), 'pdb.yaml': budget('minAvailable: 1'), 'hpa.yaml': hpa } },
    { name: 'a workload scaled to zero has nothing to evict', files: { 'deploy.yaml': deployment('  replicas: 0\n'), 'pdb.yaml': budget('minAvailable: 1') } },
  ],
  invalid: [
    {
      name: 'minAvailable 1 over a single replica (replicas unset means 1)',
      files: { 'deploy.yaml': deployment(''), 'pdb.yaml': budget('minAvailable: 1') },
      errors: [{ line: 7, column: 17, file: 'pdb.yaml', message: 'minAvailable 1 of the 1 pod it selects (Deployment postgres) allows no voluntary eviction' }],
    },
    {
      name: 'one workload written in two places counts its pods once',
      files: { 'apps/deploy.yaml': deployment(''), 'manifests/deploy.yaml': deployment(''), 'pdb.yaml': budget('minAvailable: 1') },
      errors: [{ line: 7, file: 'pdb.yaml', message: 'minAvailable 1 of the 1 pod it selects (Deployment postgres) allows' }],
    },
    {
      name: 'maxUnavailable 0',
      files: { 'deploy.yaml': deployment('  replicas: 3\n'), 'pdb.yaml': budget('maxUnavailable: 0') },
      errors: [{ line: 7, column: 19, message: "maxUnavailable 0 allows no voluntary eviction of Deployment postgres's pods" }],
    },
    {
      name: 'minAvailable 100%',
      files: { 'deploy.yaml': deployment('  replicas: 3\n'), 'pdb.yaml': budget('minAvailable: 100%') },
      errors: [{ line: 7, message: 'minAvailable 100% of the 3 pods it selects (Deployment postgres)' }],
    },
  ],
});
