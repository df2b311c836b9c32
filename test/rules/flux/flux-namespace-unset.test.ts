import rule from '../../../src/rules/flux/flux-namespace-unset.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo as anton, ks } from './flux-graph-fixtures.js';

/** The Anton layout with radarr's namespace set: each case is about sonarr. */
const antonRepo = (appKs: string, extra: Record<string, string> = {}) => anton(appKs, { 'apps/media/radarr/ks.yaml': ks('radarr', './apps/media/radarr/app', '  targetNamespace: media\n'), ...extra });

const sonarr = ks('sonarr', './apps/media/sonarr/app');
const crd = (scope: string) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: ${scope}\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          x-kubernetes-preserve-unknown-fields: true\n`;
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: sonarr\n';
const message = /ConfigMap sonarr has no namespace in what Flux Kustomization media\/sonarr applies .*\("ConfigMap\/sonarr namespace not specified"\)/;

ruleTester(rule, {
  valid: [
    { name: 'the Flux Kustomization sets targetNamespace', files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  targetNamespace: media\n')) },
    { name: 'the app kustomization sets namespace', files: antonRepo(sonarr, { 'apps/media/sonarr/app/kustomization.yaml': 'namespace: media\nresources:\n  - cm.yaml\n' }) },
    { name: 'the object names its own namespace', files: antonRepo(sonarr, { 'apps/media/sonarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n  namespace: media\n' }) },
    { name: 'cluster-scoped core kinds have none', files: antonRepo(sonarr, { 'apps/media/sonarr/app/cm.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: sonarr\nrules: []\n' }) },
    {
      name: 'a custom kind whose CRD in the repository is cluster-scoped',
      files: antonRepo(sonarr, { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - crd.yaml\n  - widget.yaml\n', 'apps/media/sonarr/app/crd.yaml': crd('Cluster'), 'apps/media/sonarr/app/widget.yaml': widget }),
    },
    {
      name: 'a custom kind hctl cannot tell the scope of is left alone',
      files: antonRepo(sonarr, { 'apps/media/sonarr/app/cm.yaml': 'apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: pool\nspec:\n  blocks: []\n' }),
    },
    {
      name: 'kubectl and Argo CD put objects without a namespace in a default one: only Flux builds count',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n',
    },
  ],
  invalid: [
    {
      name: 'nothing gives the ConfigMap a namespace',
      files: antonRepo(sonarr),
      errors: [{ file: 'apps/media/sonarr/app/cm.yaml', line: 3, column: 1, message }],
    },
    {
      name: 'a child Flux Kustomization without a namespace fails its parent',
      files: antonRepo(sonarr, { 'apps/media/kustomization.yaml': 'resources:\n  - ./sonarr/ks.yaml\n', 'apps/media/sonarr/ks.yaml': sonarr.replace('  namespace: flux-system\nspec', 'spec'), 'apps/media/sonarr/app/kustomization.yaml': 'namespace: media\nresources:\n  - cm.yaml\n' }),
      errors: [{ file: 'apps/media/sonarr/ks.yaml', line: 3, message: /^Kustomization sonarr has no namespace in what Flux Kustomization flux-system\/cluster-apps applies/ }],
    },
    {
      name: 'a custom kind whose CRD in the repository is namespaced',
      files: antonRepo(sonarr, { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - crd.yaml\n  - widget.yaml\n', 'apps/media/sonarr/app/crd.yaml': crd('Namespaced'), 'apps/media/sonarr/app/widget.yaml': widget }),
      errors: [{ file: 'apps/media/sonarr/app/widget.yaml', line: 3, message: /^Widget sonarr has no namespace/ }],
    },
    {
      name: 'a HelmRelease (every Flux kind is namespaced)',
      files: antonRepo(sonarr, { 'apps/media/sonarr/app/cm.yaml': 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: sonarr\nspec:\n  interval: 1h\n  chartRef:\n    kind: OCIRepository\n    name: app-template\n' }),
      errors: [{ file: 'apps/media/sonarr/app/cm.yaml', line: 3, message: /^HelmRelease sonarr has no namespace/ }],
    },
  ],
});
