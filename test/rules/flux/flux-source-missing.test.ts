import rule from '../../../src/rules/flux/flux-source-missing.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

const helmRepository = 'apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: bitnami\n  namespace: flux-system\nspec:\n  interval: 1h\n  url: https://charts.bitnami.com/bitnami\n';
const release = (sourceRef: string) =>
  `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: redis\n  namespace: media\nspec:\n  interval: 1h\n  chart:\n    spec:\n      chart: redis\n      version: 20.6.2\n      sourceRef:\n${sourceRef}`;
const withRelease = (sourceRef: string) =>
  antonRepo(ks('sonarr', './apps/media/sonarr/app'), {
    'flux/repos.yaml': helmRepository,
    'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - helmrelease.yaml\n',
    'apps/media/sonarr/app/helmrelease.yaml': release(sourceRef),
    'flux/cluster.yaml': `${ks('cluster-apps', './apps')}---\n${ks('cluster-meta', './flux/meta')}`,
    'flux/meta/repos.yaml': helmRepository,
  });

ruleTester(rule, {
  valid: [
    { name: 'a chart source in flux-system, named with its namespace', files: withRelease('        kind: HelmRepository\n        name: bitnami\n        namespace: flux-system\n') },
    { name: 'the bootstrap sync source is created by Flux itself', files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) },
  ],
  invalid: [
    {
      name: 'no namespace: Flux looks in the HelmRelease’s own namespace',
      files: withRelease('        kind: HelmRepository\n        name: bitnami\n'),
      errors: [{ line: 13, file: 'apps/media/sonarr/app/helmrelease.yaml', message: 'HelmRepository media/bitnami does not exist; it is applied in namespace flux-system' }],
    },
    {
      name: 'a Kustomization sourceRef to a repository nobody defines',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app').replace('name: flux-system\n    namespace: flux-system', 'name: apps-repo\n    namespace: flux-system')),
      errors: [{ line: 12, severity: 'warning', message: 'GitRepository flux-system/apps-repo is not applied by any Flux build (some builds could not be rendered)' }],
    },
  ],
});
