import rule from '../../../src/rules/flux/flux-helmrelease-chart-version.js';
import { ruleTester } from '../../rule-tester.js';

const release = (version: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: kubeai\nspec:\n  chart:\n    spec:\n      chart: kubeai\n${version}      sourceRef:\n        kind: HelmRepository\n        name: kubeai\n`;

ruleTester(rule, {
  valid: [
    release('      version: 0.21.0\n'),
    release('      version: v1.16.2\n'),
    { name: 'chartRef: the version is on the OCIRepository', code: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: app\n' },
  ],
  invalid: [
    { name: 'the wildcard', code: release('      version: "*"\n'), errors: [{ line: 9, column: 16, message: 'not an exact version' }] },
    { name: 'a range', code: release('      version: 0.16.x\n'), errors: [{ line: 9 }] },
    { name: 'no version', code: release(''), errors: [{ line: 7, column: 5, message: 'no version' }] },
  ],
});
