import rule from '../../../src/rules/flux/flux-kustomization-no-wait.js';
import { ruleTester } from '../../rule-tester.js';

const ks = (extra: string) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n${extra}`;

ruleTester(rule, {
  valid: [
    ks('  wait: true\n'),
    ks('  healthChecks:\n    - apiVersion: apps/v1\n      kind: Deployment\n      name: web\n      namespace: web\n'),
    { name: 'an explicit wait: false on a leaf nobody depends on is a choice', code: ks('  wait: false\n') },
    { name: 'a kustomize kustomization.yaml is not a Flux Kustomization', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n' },
  ],
  invalid: [
    { name: 'neither wait nor healthChecks, on a leaf: a notice', code: ks(''), errors: [{ line: 6, column: 1, severity: 'info' }] },
    {
      name: 'neither wait nor healthChecks, on a Kustomization others depend on: a warning',
      code: `${ks('')}---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: web\nspec:\n  wait: true\n  dependsOn:\n    - name: apps\n`,
      errors: [{ line: 6, column: 1, severity: 'warning', message: 'yet web depends on it' }],
    },
    {
      name: 'wait: false on a Kustomization others depend on',
      code: `${ks('  wait: false\n')}---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: web\nspec:\n  wait: true\n  dependsOn:\n    - name: apps\n`,
      errors: [{ line: 9, column: 3, severity: 'warning', message: 'yet web depends on it' }],
    },
  ],
});
