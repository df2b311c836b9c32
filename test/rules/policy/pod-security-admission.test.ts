import rule from '../../../src/rules/policy/pod-security-admission.js';
import { ruleTester } from '../../rule-tester.js';

const namespace = (name: string, level: string | undefined) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${level ? `  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n    pod-security.kubernetes.io/warn: restricted\n` : ''}`;

/** platform-lab's taskapp postgres: a hostPath volume in a namespace that enforces baseline. */
const postgres = (namespace: string | undefined, volume: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: postgres
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  selector:
    matchLabels:
      app: postgres
  template:
    metadata:
      labels:
        app: postgres
    spec:
      containers:
      - name: postgres
        image: postgres:15-alpine
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
      volumes:
      - name: data
${volume}`;
const hostPath = '        hostPath:\n          path: /mnt/data/postgres\n';
const claim = '        persistentVolumeClaim:\n          claimName: postgres-data\n';

ruleTester(rule, {
  valid: [
    { name: 'a PVC in a baseline namespace', files: { 'ns.yaml': namespace('taskapp', 'baseline'), 'postgres.yaml': postgres('taskapp', claim) } },
    { name: 'hostPath in a privileged namespace', files: { 'ns.yaml': namespace('taskapp', 'privileged'), 'postgres.yaml': postgres('taskapp', hostPath) } },
    { name: 'hostPath in a namespace without the enforce label', files: { 'ns.yaml': namespace('taskapp', undefined), 'postgres.yaml': postgres('taskapp', hostPath) } },
    { name: 'a namespace the repo does not define', files: { 'postgres.yaml': postgres('taskapp', hostPath) } },
    { name: 'a namespace defined twice with different levels', files: { 'a/ns.yaml': namespace('taskapp', 'baseline'), 'b/ns.yaml': namespace('taskapp', 'privileged'), 'postgres.yaml': postgres('taskapp', hostPath) } },
    { name: 'an object the repo places in no namespace', files: { 'ns.yaml': namespace('taskapp', 'baseline'), 'postgres.yaml': postgres(undefined, hostPath) } },
  ],
  invalid: [
    {
      name: 'hostPath in a baseline namespace (platform-lab taskapp)',
      files: { 'ns.yaml': namespace('taskapp', 'baseline'), 'postgres.yaml': postgres('taskapp', hostPath) },
      errors: [{ file: 'postgres.yaml', line: 23, message: 'its pods are forbidden by Pod Security "baseline" in namespace taskapp: hostPath volume "data"' }],
    },
    {
      name: 'restricted wants the hardening fields, listed together',
      files: { 'ns.yaml': namespace('taskapp', 'restricted'), 'postgres.yaml': postgres('taskapp', claim) },
      errors: [{ line: 16, message: 'in namespace taskapp: container postgres does not set allowPrivilegeEscalation: false; container postgres does not set runAsNonRoot: true (nor does the pod);' }],
    },
    {
      name: 'a bare Pod, in the namespace its kustomization sets',
      files: {
        'ns.yaml': namespace('tools', 'baseline'),
        'apps/debug/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: tools\nresources:\n  - pod.yaml\n',
        'apps/debug/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostPID: true\n  containers:\n  - name: shell\n    image: busybox:1.37\n',
      },
      errors: [{ file: 'apps/debug/pod.yaml', line: 6, message: 'forbidden by Pod Security "baseline" in namespace tools: hostPID: true' }],
    },
  ],
});
