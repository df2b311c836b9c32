import rule from '../../../src/rules/flux/flux-path-missing.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

ruleTester(rule, {
  valid: [{ files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) }],
  invalid: [
    { files: antonRepo(ks('sonarr', './apps/media/sonar/app')), errors: [{ line: 8, column: 9, file: 'apps/media/sonarr/ks.yaml', message: 'spec.path apps/media/sonar/app does not exist' }] },
  ],
});
