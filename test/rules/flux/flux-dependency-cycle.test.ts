import rule from '../../../src/rules/flux/flux-dependency-cycle.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

const releases = (postgresDependsOn: string) => ({
  'apps/media/sonarr/app/kustomization.yaml': 'namespace: media\nresources:\n  - releases.yaml\n',
  'apps/media/sonarr/app/releases.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: postgres\nspec:\n  interval: 1h\n${postgresDependsOn}---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: sonarr\nspec:\n  interval: 1h\n  dependsOn:\n    - name: postgres\n`,
});

ruleTester(rule, {
  valid: [
    { name: 'a chain of dependencies without a way back', files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n')) },
    { name: 'HelmReleases that depend one way', files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), releases('')) },
  ],
  invalid: [
    {
      name: 'two Kustomizations waiting on each other, in their effective namespace',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n'), {
        'apps/media/radarr/ks.yaml': ks('radarr', './apps/media/radarr/app', '  dependsOn:\n    - name: sonarr\n'),
      }),
      errors: [{ file: 'apps/media/radarr/ks.yaml', line: 16, message: 'dependsOn cycle between Kustomizations media/radarr → media/sonarr → media/radarr' }],
    },
    {
      name: 'a Kustomization that depends on itself',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n    - name: sonarr\n')),
      errors: [{ file: 'apps/media/sonarr/ks.yaml', line: 17, message: 'media/sonarr → media/sonarr' }],
    },
    {
      name: 'HelmReleases waiting on each other',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), releases('  dependsOn:\n    - name: sonarr\n')),
      errors: [{ file: 'apps/media/sonarr/app/releases.yaml', line: 8, message: 'HelmReleases media/postgres → media/sonarr → media/postgres' }],
    },
  ],
});
