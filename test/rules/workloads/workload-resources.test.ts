import rule from '../../../src/rules/workloads/workload-resources.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (resources: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n${resources}`;
const full = '          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n            limits:\n              memory: 256Mi\n';
const withCpuLimit = `${full}              cpu: 500m\n`;

ruleTester(rule, {
  valid: [
    deployment(full),
    { name: 'cpu-limits profile satisfied', code: deployment(withCpuLimit), profile: 'cpu-limits' },
    { name: 'default profile leaves CPU limits alone', code: deployment(withCpuLimit) },
  ],
  invalid: [
    { name: 'no resources at all', code: deployment(''), errors: [{ line: 9, column: 11, message: 'Container web has no CPU request, memory request or memory limit' }] },
    {
      name: 'init container of a CronJob without a memory limit',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: wait\n              image: busybox:1.36\n              resources:\n                requests:\n                  cpu: 10m\n                  memory: 16Mi\n          containers: []\n',
      errors: [{ line: 13, message: 'Init container wait has no memory limit' }],
    },
    { name: 'cpu-limits profile requires a CPU limit', code: deployment(full), profile: 'cpu-limits', errors: [{ line: 11, message: 'no CPU limit' }] },
    { name: 'no-cpu-limits profile forbids one', code: deployment(withCpuLimit), profile: 'no-cpu-limits', errors: [{ line: 17, message: 'sets a CPU limit (500m)' }] },
    { name: 'the option can be set per rule', code: deployment(withCpuLimit), rules: { 'workload-resources': { cpuLimit: 'forbid' } }, errors: [{ line: 17 }] },
  ],
});
