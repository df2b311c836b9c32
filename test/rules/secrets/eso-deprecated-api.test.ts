import rule from '../../../src/rules/secrets/eso-deprecated-api.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\n',
    { name: 'PushSecret exists only as v1alpha1', code: 'apiVersion: external-secrets.io/v1alpha1\nkind: PushSecret\nmetadata:\n  name: push\n' },
  ],
  invalid: [
    { code: 'kind: ExternalSecret\napiVersion: external-secrets.io/v1beta1\nmetadata:\n  name: app\n', errors: [{ line: 2, column: 13, message: 'no longer serve' }] },
    { code: 'apiVersion: external-secrets.io/v1alpha1\nkind: ClusterSecretStore\nmetadata:\n  name: vault\n', errors: [{ line: 1, severity: 'critical' }] },
  ],
});
