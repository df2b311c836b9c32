import rule from '../../../src/rules/workloads/workload-volume-node-conflict.js';
import { ruleTester } from '../../rule-tester.js';

const volume = (hosts: string[], claimRef = '') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data-pv\nspec:\n  capacity: { storage: 10Gi }\n  accessModes: [ReadWriteOnce]\n  local:\n    path: /mnt/data\n${claimRef}  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [${hosts.join(', ')}]\n`;
const claim = (volumeName = 'data-pv') => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: media\nspec:\n  accessModes: [ReadWriteOnce]\n${volumeName ? `  volumeName: ${volumeName}\n` : ''}  resources:\n    requests: { storage: 10Gi }\n`;
const deployment = (pin: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n  namespace: media\nspec:\n  selector:\n    matchLabels: { app: app }\n  template:\n    metadata:\n      labels: { app: app }\n    spec:\n${pin}      containers:\n        - name: app\n          image: example/app:1.0.0\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: data\n`;
const selector = (host: string) => `      nodeSelector:\n        kubernetes.io/hostname: ${host}\n`;
const affinity = (key: string, values: string[]) =>
  `      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms:\n              - matchExpressions:\n                  - key: ${key}\n                    operator: In\n                    values: [${values.join(', ')}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'pinned to the volume’s node', files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(), 'app.yaml': deployment(selector('k8s-cp01')) } },
    { name: 'one of the volume’s nodes', files: { 'pv.yaml': volume(['k8s-cp01', 'k8s-worker01']), 'pvc.yaml': claim(), 'app.yaml': deployment(affinity('kubernetes.io/hostname', ['k8s-worker01', 'k8s-worker02'])) } },
    { name: 'not pinned: the volume places the pods', files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(), 'app.yaml': deployment('') } },
    { name: 'a label the volume does not name is not judged', files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(), 'app.yaml': deployment(affinity('node.kubernetes.io/instance-type', ['large'])) } },
    { name: 'a claim bound to no known volume', files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(''), 'app.yaml': deployment(selector('k8s-worker01')) } },
  ],
  invalid: [
    {
      name: 'nodeSelector on another node than the volume (claim volumeName)',
      files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(), 'app.yaml': deployment(selector('k8s-worker01')) },
      errors: [{ line: 13, column: 7, file: 'app.yaml', severity: 'critical', message: 'its pods are pinned to kubernetes.io/hostname k8s-worker01 (nodeSelector), but claim data is bound to PersistentVolume data-pv, which lives on kubernetes.io/hostname k8s-cp01: the pods stay Pending' }],
    },
    {
      name: 'required affinity, volume found by its claimRef',
      files: { 'pv.yaml': volume(['k8s-cp01'], '  claimRef:\n    name: data\n    namespace: media\n'), 'pvc.yaml': claim(''), 'app.yaml': deployment(affinity('kubernetes.io/hostname', ['k8s-worker01', 'k8s-worker02'])) },
      errors: [{ line: 15, message: 'pinned to kubernetes.io/hostname k8s-worker01 or k8s-worker02 (affinity)' }],
    },
    {
      name: 'nodeName',
      files: { 'pv.yaml': volume(['k8s-cp01']), 'pvc.yaml': claim(), 'app.yaml': deployment('      nodeName: k8s-worker01\n') },
      errors: [{ line: 13, message: '(nodeName)' }],
    },
  ],
});
