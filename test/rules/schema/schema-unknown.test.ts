import rule from '../../../src/rules/schema/schema-unknown.js';
import { ruleTester } from '../../rule-tester.js';

const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n    - name: v1alpha1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n';
const widget = 'apiVersion: example.com/v1alpha1\nkind: Widget\nmetadata:\n  name: demo\n';

ruleTester(rule, {
  valid: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    { name: 'a custom resource whose CRD is in the repo', files: { 'crd.yaml': crd, 'widget.yaml': widget } },
    { name: 'tool configs (Talos, k3d) are not Kubernetes documents', code: 'apiVersion: v1alpha1\nkind: WatchdogTimerConfig\ndevice: /dev/watchdog0\n---\napiVersion: k3d.io/v1alpha4\nkind: Simple\nservers: 1\n' },
  ],
  invalid: [
    { code: widget, errors: [{ line: 1, severity: 'info', message: 'unverified: no schema for example.com/v1alpha1/Widget' }] },
    {
      name: "a Kratix Promise declares its API as a CRD: its resources are validated, only the Promise (no schema) is not",
      code: `apiVersion: platform.kratix.io/v1alpha1\nkind: Promise\nmetadata:\n  name: widgets\nspec:\n  api:\n${crd.trimEnd().replace(/^/gm, '    ')}\n---\n${widget}`,
      errors: [{ line: 1, message: 'unverified: no schema for platform.kratix.io/v1alpha1/Promise' }],
    },
    {
      name: "a repo CRD whose schema is not valid JSON Schema is reported, not compiled into nonsense",
      files: {
        'crd.yaml': crd.replace('          type: object\n', '          type: object\n          properties:\n            size:\n              type: integr\n'),
        'widget.yaml': widget,
      },
      errors: [{ line: 1, file: 'widget.yaml', message: /the schema for example\.com\/v1alpha1\/Widget does not compile \(schema is invalid/ }],
    },
    {
      name: 'a core version Kubernetes removed: move it, not a CRD',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n',
      errors: [{ line: 1, message: 'no schema for extensions/v1beta1/Ingress, an old version of the API' }],
    },
    {
      name: 'a Gateway API version before GA: move it, not a CRD',
      code: 'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: HTTPRoute\nmetadata:\n  name: web\n',
      errors: [{ line: 1, message: 'no schema for gateway.networking.k8s.io/v1alpha2/HTTPRoute, an old version of the API' }],
    },
  ],
});
