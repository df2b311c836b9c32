import rule from '../../../src/rules/render/render-unverified.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from '../flux/flux-graph-fixtures.js';

ruleTester(rule, {
  valid: [{ files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) }],
  invalid: [
    {
      name: 'a kustomization with helmCharts',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'helmCharts:\n  - name: sonarr\n    repo: https://charts.example.com\n    version: 1.0.0\n' }),
      errors: [{ line: 8, severity: 'info', file: 'apps/media/sonarr/ks.yaml', message: 'unverified: the build of media/sonarr is not rendered offline (helmCharts is not rendered by hctl)' }],
    },
  ],
});
