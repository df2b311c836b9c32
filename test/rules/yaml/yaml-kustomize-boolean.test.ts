import rule from '../../../src/rules/yaml/yaml-kustomize-boolean.js';
import { ruleTester } from '../../rule-tester.js';

const pod = (hostNetwork: string) =>
  ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: probe', '  labels:', '    monitored: yes', 'spec:', `  hostNetwork: ${hostNetwork}`, '  containers:', '    - name: probe', '      image: busybox:1.37', ''].join('\n');
const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - pod.yaml\n';
const helmRelease = (enabled: string) =>
  [
    'apiVersion: helm.toolkit.fluxcd.io/v2',
    'kind: HelmRelease',
    'metadata:',
    '  name: jellyfin',
    '  namespace: media',
    'spec:',
    '  interval: 30m',
    '  chart:',
    '    spec:',
    '      chart: jellyfin',
    '      version: 2.1.0',
    '      sourceRef: { kind: HelmRepository, name: jellyfin }',
    '  values:',
    '    persistence:',
    `      cache: { enabled: ${enabled} }`,
    '    country: "NO"',
    '',
  ].join('\n');
const fluxKustomization = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n';

ruleTester(rule, {
  valid: [
    { name: 'kubectl apply -f reads yes as a boolean: a file no kustomization builds', files: { 'pod.yaml': pod('yes') } },
    { name: 'true is a boolean to kustomize too', files: { 'kustomization.yaml': kustomization, 'pod.yaml': pod('true') } },
    { name: 'a quoted "NO" and a true in Helm values', files: { 'clusters/home/apps.yaml': fluxKustomization, 'apps/jellyfin.yaml': helmRelease('true') } },
  ],
  invalid: [
    {
      name: 'a boolean field written yes in a kustomization (the label is a string field: fine)',
      files: { 'kustomization.yaml': kustomization, 'pod.yaml': pod('yes') },
      errors: [{ file: 'pod.yaml', line: 8, column: 16, severity: 'critical', message: 'spec.hostNetwork is the string "yes" once kustomize builds this file, but the API needs a boolean and rejects the object' }],
    },
    {
      name: 'Helm values under a Flux path without a kustomization: `no` reaches the chart as a string',
      files: { 'clusters/home/apps.yaml': fluxKustomization, 'apps/jellyfin.yaml': helmRelease('no') },
      errors: [{ file: 'apps/jellyfin.yaml', line: 15, column: 25, severity: 'warning', message: /^spec\.values\.persistence\.cache\.enabled reaches the chart as the string "no", not false/ }],
    },
  ],
});
