import rule from '../../../src/rules/workloads/workload-rwo-rolling-update.js';
import { ruleTester } from '../../rule-tester.js';

const pvc = (modes: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: n8n-data\n  namespace: n8n\nspec:\n  accessModes: [${modes}]\n  resources:\n    requests:\n      storage: 5Gi\n`;
const deployment = (strategy: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: n8n\n  namespace: n8n\nspec:\n${strategy}  selector:\n    matchLabels:\n      app: n8n\n  template:\n    metadata:\n      labels:\n        app: n8n\n    spec:\n      containers:\n        - name: n8n\n          image: n8nio/n8n:1.80.0\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: n8n-data\n`;

ruleTester(rule, {
  valid: [
    { name: 'Recreate', files: { 'pvc.yaml': pvc('ReadWriteOnce'), 'deploy.yaml': deployment('  strategy:\n    type: Recreate\n') } },
    { name: 'a ReadWriteMany volume can be shared during a rollout', files: { 'pvc.yaml': pvc('ReadWriteMany'), 'deploy.yaml': deployment('') } },
  ],
  invalid: [
    { name: 'the default RollingUpdate', files: { 'pvc.yaml': pvc('ReadWriteOnce'), 'deploy.yaml': deployment('') }, errors: [{ line: 6, file: 'deploy.yaml', message: 'mounts ReadWriteOnce volume n8n-data with a RollingUpdate strategy' }] },
    { name: 'an explicit RollingUpdate', files: { 'pvc.yaml': pvc('ReadWriteOncePod'), 'deploy.yaml': deployment('  strategy:\n    type: RollingUpdate\n') }, errors: [{ line: 7, file: 'deploy.yaml' }] },
  ],
});
