import rule from '../../../src/rules/flux/flux-kustomization-no-wait.js';
import { ruleTester } from '../../rule-tester.js';

const ks = (extra: string) =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n${extra}`;

ruleTester(rule, {
  valid: [
    ks('  wait: true\n'),
    ks('  healthChecks:\n    - apiVersion: apps/v1\n      kind: Deployment\n      name: web\n      namespace: web\n'),
    { name: 'a kustomize kustomization.yaml is not a Flux Kustomization', code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - app.yaml\n' },
  ],
  invalid: [
    { name: 'neither wait nor healthChecks', code: ks(''), errors: [{ line: 6, column: 1 }] },
    { name: 'wait: false', code: ks('  wait: false\n'), errors: [{ line: 9, column: 3 }] },
  ],
});
