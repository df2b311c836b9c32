import rule from '../../../src/rules/flux/flux-namespace-missing.js';
import { ruleTester } from '../../rule-tester.js';
import { ks } from './flux-graph-fixtures.js';

const configMap = (namespace = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: podinfo\n${namespace ? `  namespace: ${namespace}\n` : ''}data:\n  a: b\n`;
const namespaceObject = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: podinfo\n';
/** A Flux Kustomization applying apps/podinfo, and the files there. */
const repo = (ksExtra: string, files: Record<string, string>) => ({ 'flux/apps.yaml': ks('apps', './apps/podinfo', ksExtra), ...files });
const targeted = '  targetNamespace: podinfo\n';

ruleTester(rule, {
  valid: [
    { name: 'the namespace is committed', files: repo(targeted, { 'apps/podinfo/kustomization.yaml': 'resources:\n  - ns.yaml\n  - cm.yaml\n', 'apps/podinfo/ns.yaml': namespaceObject, 'apps/podinfo/cm.yaml': configMap() }) },
    { name: 'committed anywhere in the repository counts (a bootstrap directory applied by hand)', files: repo(targeted, { 'apps/podinfo/cm.yaml': configMap(), 'bootstrap/ns.yaml': namespaceObject }) },
    {
      name: 'a HelmRelease creates it (install.createNamespace)',
      files: repo('', { 'apps/podinfo/cm.yaml': configMap('podinfo'), 'apps/podinfo/hr.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n  namespace: flux-system\nspec:\n  targetNamespace: podinfo\n  install:\n    createNamespace: true\n  chartRef:\n    kind: OCIRepository\n    name: podinfo\n' }),
    },
    { name: 'namespaces every cluster has', files: repo('  targetNamespace: kube-system\n', { 'apps/podinfo/cm.yaml': configMap() }) },
    {
      name: 'a build hctl cannot render in full may create it',
      files: repo(targeted, { 'apps/podinfo/kustomization.yaml': 'resources:\n  - cm.yaml\n  - https://raw.githubusercontent.com/example/podinfo/main/namespace.yaml\n', 'apps/podinfo/cm.yaml': configMap() }),
    },
    {
      name: 'a custom kind of unknown scope: the API server drops the namespace of a cluster-scoped one',
      files: repo(targeted, { 'apps/podinfo/pool.yaml': 'apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: pool\nspec:\n  blocks: []\n' }),
    },
  ],
  invalid: [
    {
      name: 'targetNamespace names a namespace nothing creates',
      files: repo(targeted, { 'apps/podinfo/cm.yaml': configMap() }),
      errors: [{ file: 'flux/apps.yaml', line: 15, column: 20, message: 'Flux Kustomization flux-system/apps applies an object into namespace podinfo, which nothing in the repository creates (no Namespace, no HelmRelease with install.createNamespace): unless it is made outside Git, the apply fails with namespaces "podinfo" not found' }],
    },
    {
      name: 'a typo in an object\'s own namespace',
      files: repo('', { 'apps/podinfo/kustomization.yaml': 'resources:\n  - ns.yaml\n  - cm.yaml\n', 'apps/podinfo/ns.yaml': namespaceObject, 'apps/podinfo/cm.yaml': configMap('podnifo') }),
      errors: [{ file: 'apps/podinfo/cm.yaml', line: 5, column: 3, message: /applies an object into namespace podnifo, which nothing/ }],
    },
    {
      name: 'the kustomization\'s namespace: one finding for all its objects, at the first',
      files: repo('', { 'apps/podinfo/kustomization.yaml': 'namespace: podinfo\nresources:\n  - cm.yaml\n  - secret.yaml\n', 'apps/podinfo/cm.yaml': configMap(), 'apps/podinfo/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: podinfo\n' }),
      errors: [{ file: 'apps/podinfo/cm.yaml', line: 3, message: /applies 2 objects into namespace podinfo/ }],
    },
  ],
});
