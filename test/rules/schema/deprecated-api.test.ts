import rule from '../../../src/rules/schema/deprecated-api.js';
import { ruleTester } from '../../rule-tester.js';

const doc = (apiVersion: string, kind: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;

ruleTester(rule, {
  valid: [
    doc('apps/v1', 'Deployment'),
    doc('gateway.networking.k8s.io/v1', 'HTTPRoute'),
    { name: 'flowcontrol v1beta2 is fine for a 1.23 cluster', code: doc('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'), kubernetesVersion: '1.23' },
    { name: 'Flux and ESO versions belong to their own rules', code: `${doc('helm.toolkit.fluxcd.io/v2beta1', 'HelmRelease')}---\n${doc('external-secrets.io/v1beta1', 'ExternalSecret')}` },
    { name: 'an alpha Gateway API kind without a GA version', code: doc('gateway.networking.k8s.io/v1alpha2', 'TCPRoute') },
  ],
  invalid: [
    {
      name: 'removed at the target: critical, with the replacement',
      code: doc('extensions/v1beta1', 'Deployment'),
      errors: [{ line: 1, column: 13, severity: 'critical', message: 'extensions/v1beta1 Deployment was removed in Kubernetes 1.16 (target 1.35)' }],
    },
    {
      name: 'deprecated but not yet removed at the target: warning',
      code: doc('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'),
      kubernetesVersion: '1.26',
      errors: [{ line: 1, severity: 'warning', message: 'deprecated since Kubernetes 1.24 and removed in 1.29' }],
    },
    { name: 'removed by the add-on itself', code: doc('cert-manager.io/v1alpha2', 'Certificate'), errors: [{ line: 1, severity: 'critical', message: 'removed in cert-manager' }] },
    { name: 'a Gateway API beta of a GA kind', code: doc('gateway.networking.k8s.io/v1beta1', 'HTTPRoute'), errors: [{ line: 1, severity: 'warning', message: 'superseded by the GA gateway.networking.k8s.io/v1' }] },
    {
      name: 'a version the repo CRD marks deprecated',
      code: `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n    - name: v1beta1\n      served: true\n      storage: false\n      deprecated: true\n      deprecationWarning: example.com/v1beta1 Widget is deprecated; use v1\n---\n${doc('example.com/v1beta1', 'Widget')}`,
      errors: [{ line: 18, message: 'use v1' }],
    },
  ],
});
