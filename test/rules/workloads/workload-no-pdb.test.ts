import rule from '../../../src/rules/workloads/workload-no-pdb.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: backend\n  namespace: taskapp\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: backend\n  template:\n    metadata:\n      labels:\n        app: backend\n        tier: api\n    spec:\n      containers:\n        - name: backend\n          image: ghcr.io/example/backend:1.2.0\n`;
const pdb = (selector: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: backend\n  namespace: taskapp\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n${selector}`;

ruleTester(rule, {
  valid: [
    deployment(1),
    { name: 'a PDB selects the pods', files: { 'deploy.yaml': deployment(2), 'pdb.yaml': pdb('      app: backend\n') } },
  ],
  invalid: [
    { files: { 'deploy.yaml': deployment(2) }, errors: [{ line: 7, message: 'runs 2 replicas but no PodDisruptionBudget selects its pods' }] },
    { name: 'a PDB for other pods', files: { 'deploy.yaml': deployment(3), 'pdb.yaml': pdb('      app: frontend\n') }, errors: [{ line: 7, file: 'deploy.yaml' }] },
  ],
});
