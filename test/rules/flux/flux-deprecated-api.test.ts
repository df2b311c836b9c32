import rule from '../../../src/rules/flux/flux-deprecated-api.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\n',
    'apiVersion: notification.toolkit.fluxcd.io/v1beta3\nkind: Alert\nmetadata:\n  name: a\n',
    'apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: a\n',
  ],
  invalid: [
    { code: 'apiVersion: helm.toolkit.fluxcd.io/v2beta1\nkind: HelmRelease\nmetadata:\n  name: a\n', errors: [{ line: 1, column: 13, message: 'deprecated in favour of helm.toolkit.fluxcd.io/v2' }] },
    { code: 'apiVersion: source.toolkit.fluxcd.io/v1beta2\nkind: HelmRepository\nmetadata:\n  name: a\n', errors: [{ line: 1, message: 'source.toolkit.fluxcd.io/v1' }] },
    { code: 'apiVersion: kustomize.toolkit.fluxcd.io/v1beta2\nkind: Kustomization\nmetadata:\n  name: a\n', errors: [{ line: 1 }] },
  ],
});
