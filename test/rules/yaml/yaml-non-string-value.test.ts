import rule from '../../../src/rules/yaml/yaml-non-string-value.js';
import { ruleTester } from '../../rule-tester.js';

const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - configmap.yaml\n';
const configMap = (debug: string, umask: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: home-assistant\ndata:\n  HASS_DEBUG: ${debug}\n  UMASK: ${umask}\n`;

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: quoted\n  labels:\n    enabled: "on"\ndata:\n  mode: "0755"\n  date: 2024-01-01\n',
    { name: 'HelmRelease values are typed by the chart', code: 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: app\nspec:\n  values:\n    podLabels:\n      enabled: on\n' },
    { name: 'a CRD schema names fields, it holds no values', code: 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\nspec:\n  versions:\n    - name: v1\n      schema:\n        openAPIV3Schema:\n          properties:\n            nodeSelector:\n              x-kubernetes-preserve-unknown-fields: true\n' },
    {
      name: 'kustomize (kubectl apply -k, Flux, Argo CD) keeps off and yes as the strings they read as',
      files: { 'kustomization.yaml': kustomization, 'configmap.yaml': configMap('off', 'yes') },
    },
    { name: 'a nodeSelector that is a label selector (Cilium) is structure', code: 'apiVersion: cilium.io/v2alpha1\nkind: CiliumBGPClusterConfig\nmetadata:\n  name: bgp\nspec:\n  nodeSelector:\n    matchLabels:\n      bgp: enabled\n' },
  ],
  invalid: [
    {
      name: 'kustomize still reads true and 0755 as a boolean and a number; a file no build reads is applied as YAML 1.1',
      files: { 'kustomization.yaml': kustomization, 'configmap.yaml': configMap('true', '0755'), 'loose/configmap.yaml': configMap('off', '"yes"') },
      errors: [
        { file: 'configmap.yaml', line: 6, message: 'data.HASS_DEBUG is read as the boolean true' },
        { file: 'configmap.yaml', line: 7, message: 'data.UMASK is read as the number 493' },
        { file: 'loose/configmap.yaml', line: 6, message: 'data.HASS_DEBUG is read as the boolean false' },
      ],
    },
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
