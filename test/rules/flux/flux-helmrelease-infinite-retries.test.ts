import rule from '../../../src/rules/flux/flux-helmrelease-infinite-retries.js';
import { ruleTester } from '../../rule-tester.js';

const release = (remediation: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  interval: 30m\n${remediation}`;

ruleTester(rule, {
  valid: [release('  install:\n    remediation:\n      retries: 3\n  upgrade:\n    remediation:\n      retries: 3\n'), release('')],
  invalid: [
    {
      code: release('  install:\n    remediation:\n      retries: -1\n  upgrade:\n    remediation:\n      retries: -1\n'),
      errors: [
        { line: 10, column: 16, message: 'install remediation retries forever' },
        { line: 13, column: 16, message: 'upgrade remediation retries forever' },
      ],
    },
  ],
});
