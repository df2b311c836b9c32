import rule from '../../../src/rules/flux/flux-duplicate-object.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

ruleTester(rule, {
  valid: [
    { name: 'one file included by two apps is one definition', files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - ../../radarr/app/cm.yaml\n' }) },
  ],
  invalid: [
    {
      name: 'two files define the same ConfigMap in what Flux applies',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/radarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n' }),
      errors: [{ line: 1, file: 'apps/media/radarr/app/cm.yaml', message: 'also defined in apps/media/sonarr/app/cm.yaml:1' }],
    },
    {
      name: 'a second flux-system Kustomization with another path (sudoflux)',
      files: { ...antonRepo(ks('sonarr', './apps/media/sonarr/app')), 'flux/copy/sync.yaml': ks('cluster-apps', './apps/old') },
      errors: [{ line: 1, file: 'flux/copy/sync.yaml', message: 'Flux runs the one in flux/cluster.yaml:1' }],
    },
  ],
});
