import rule from '../../../src/rules/render/kustomize-build-error.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from '../flux/flux-graph-fixtures.js';

ruleTester(rule, {
  valid: [{ files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) }],
  invalid: [
    {
      name: 'a resource file that does not exist, at its entry',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - helmrelease.yaml\n' }),
      errors: [{ line: 3, column: 5, file: 'apps/media/sonarr/app/kustomization.yaml', message: 'helmrelease.yaml does not exist (from apps/media/sonarr/app): Flux Kustomization media/sonarr fails to build' }],
    },
  ],
});
