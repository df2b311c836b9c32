import rule from '../../../src/rules/yaml/yaml-non-string-value.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quoted\n  labels:\n    enabled: "on"\ndata:\n  mode: "0755"\n  date: 2024-01-01\n',
    { name: 'HelmRelease values are typed by the chart', code: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n  values:\n    podLabels:\n      enabled: on\n' },
    { name: 'a CRD schema names fields, it holds no values', code: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          properties:\n            nodeSelector:\n              x-kubernetes-preserve-unknown-fields: true\n' },
    { name: 'a nodeSelector that is a label selector (Cilium) is structure', code: 'apiVersion: cilium.io/v2alpha1\nkind: CiliumBGPClusterConfig\nmetadata:\n  name: bgp\nspec:\n  nodeSelector:\n    matchLabels:\n      bgp: enabled\n' },
  ],
  invalid: [
    {
      name: 'YAML 1.1 booleans and octals in labels, env and ConfigMap data',
      code: [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        '  labels:',
        '    monitored: yes',
        'spec:',
        '  template:',
        '    metadata:',
        '      annotations:',
        '        version: 1.0',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: nginx:1.27',
        '          env:',
        '            - name: FEATURE',
        '              value: on',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: perms',
        'data:',
        '  mode: 0755',
        '',
      ].join('\n'),
      errors: [
        { line: 6, column: 16, message: 'metadata.labels.monitored is read as the boolean true' },
        { line: 11, message: 'the number 1' },
        { line: 18, message: 'spec.template.spec.containers[0].env[0].value is read as the boolean true' },
        { line: 25, message: 'the number 493' },
      ],
    },
    {
      name: 'a kind without a schema: labels, selectors and env are still known to be strings',
      code: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  labels:\n    enabled: on\nspec:\n  selector:\n    matchLabels:\n      tier: 1.0\n',
      errors: [{ line: 6, message: 'metadata.labels.enabled is read as the boolean true' }, { line: 10, message: 'spec.selector.matchLabels.tier is read as the number 1' }],
    },
    {
      name: 'any string field the schema knows, such as a Service port name',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - name: yes\n      port: 80\n',
      errors: [{ line: 7, message: 'spec.ports[0].name is read as the boolean true' }],
    },
  ],
});
