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
