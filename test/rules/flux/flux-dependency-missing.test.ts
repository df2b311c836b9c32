import rule from '../../../src/rules/flux/flux-dependency-missing.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

ruleTester(rule, {
  valid: [
    { name: 'the effective namespace comes from the parent kustomization (F21)', files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n      namespace: media\n')) },
    { name: 'no namespace: the dependent’s own effective namespace', files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n')) },
  ],
  invalid: [
    {
      name: 'a HelmRelease dependsOn another HelmRelease in the wrong namespace',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), {
        'apps/media/sonarr/app/kustomization.yaml': 'namespace: media\nresources:\n  - cm.yaml\n  - releases.yaml\n',
        'apps/media/sonarr/app/releases.yaml':
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: postgres\nspec:\n  interval: 1h\n---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: sonarr\nspec:\n  interval: 1h\n  dependsOn:\n    - name: postgres\n      namespace: database\n',
      }),
      errors: [{ line: 15, file: 'apps/media/sonarr/app/releases.yaml', message: 'dependsOn HelmRelease database/postgres, but postgres is applied in namespace media' }],
    },
    {
      name: 'flux-system written where the dependency really lives in media',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: radarr\n      namespace: flux-system\n')),
      errors: [{ line: 16, file: 'apps/media/sonarr/ks.yaml', message: 'Kustomization radarr is applied in namespace media' }],
    },
    {
      name: 'a dependency no build applies',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  dependsOn:\n    - name: onepassword-connect\n      namespace: external-secrets\n')),
      errors: [{ line: 16, severity: 'critical', message: 'dependsOn external-secrets/onepassword-connect, which no Flux build applies' }],
    },
  ],
});
