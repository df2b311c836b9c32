import rule from '../../../src/rules/flux/flux-crd-order.js';
import { ruleTester } from '../../rule-tester.js';
import { ks } from './flux-graph-fixtures.js';

const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gateways.gateway.networking.k8s.io\nspec:\n  group: gateway.networking.k8s.io\n  names:\n    kind: Gateway\n    plural: gateways\n  scope: Namespaced\n  versions: []\n';
const gateway = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: internal\n  namespace: network\nspec:\n  gatewayClassName: cilium\n  listeners: []\n';
const repo = (appsExtra: string, extra: Record<string, string> = {}) => ({
  'flux/cluster.yaml': ks('cluster', './flux/kustomizations'),
  'flux/kustomizations/crds.yaml': ks('crds', './crds'),
  'flux/kustomizations/network.yaml': ks('network', './network', appsExtra),
  'crds/gateway.yaml': crd,
  'network/gateway.yaml': gateway,
  ...extra,
});

ruleTester(rule, {
  valid: [
    { name: 'the Kustomization depends on the one shipping the CRD', files: repo('  dependsOn:\n    - name: crds\n') },
    {
      name: 'the dependency is transitive',
      files: repo('  dependsOn:\n    - name: base\n', { 'flux/kustomizations/base.yaml': ks('base', './base', '  dependsOn:\n    - name: crds\n'), 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: base\n  namespace: default\n' }),
    },
    { name: 'the CRD ships in the same build (Flux applies CRDs first)', files: repo('', { 'network/crd.yaml': crd, 'crds/gateway.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n' }) },
    { name: 'a CRD from a Helm chart is not visible offline: not judged', files: repo('', { 'crds/gateway.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n' }) },
  ],
  invalid: [
    {
      name: 'a Gateway applied without waiting for the Gateway API CRDs',
      files: repo(''),
      errors: [{ file: 'network/gateway.yaml', line: 1, message: 'Gateway (gateway.networking.k8s.io) is applied by Kustomization flux-system/network, whose CRD Kustomization flux-system/crds ships, but network does not depend on it' }],
    },
  ],
});
