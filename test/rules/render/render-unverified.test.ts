import rule from '../../../src/rules/render/render-unverified.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from '../flux/flux-graph-fixtures.js';

const chart = 'helmCharts:\n  - name: sonarr\n    repo: https://charts.example.com\n    version: 1.0.0\n';
const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Flux builds hctl renders in full', files: antonRepo(ks('sonarr', './apps/media/sonarr/app')) },
    { name: 'a kustomization without Flux that hctl renders in full', files: { 'apps/kustomization.yaml': 'resources: [cm.yaml]\nnamespace: media\n', 'apps/cm.yaml': configMap('sonarr') } },
  ],
  invalid: [
    {
      name: 'a Flux build with helmCharts: the rest is built, the chart entry is reported',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': `resources:\n  - cm.yaml\n${chart}` }),
      errors: [{ line: 4, column: 5, severity: 'info', file: 'apps/media/sonarr/app/kustomization.yaml', message: 'unverified: Helm chart sonarr 1.0.0 from https://charts.example.com is not rendered offline: the objects it makes are not checked (the rest of the build is)' }],
    },
    {
      name: 'a remote resource, in a kustomization two Flux Kustomizations build: one finding',
      files: antonRepo(ks('sonarr', './apps/media/shared'), {
        'apps/media/radarr/ks.yaml': ks('radarr', './apps/media/shared'),
        'apps/media/shared/kustomization.yaml': 'resources:\n  - cm.yaml\n  - https://raw.githubusercontent.com/x/y/v1/crds.yaml\n',
        'apps/media/shared/cm.yaml': configMap('shared'),
      }),
      errors: [{ line: 3, file: 'apps/media/shared/kustomization.yaml', message: 'unverified: remote resource https://raw.githubusercontent.com/x/y/v1/crds.yaml is not rendered offline' }],
    },
    {
      name: 'several left-out entries in one kustomization: one finding, at the first, naming them all',
      files: { 'apps/kustomization.yaml': `resources:\n  - cm.yaml\n  - https://example.com/crds.yaml\n${chart}`, 'apps/cm.yaml': configMap('sonarr') },
      errors: [{ line: 3, file: 'apps/kustomization.yaml', message: 'unverified: 2 entries are (remote resource https://example.com/crds.yaml; Helm chart sonarr 1.0.0 from https://charts.example.com) not rendered offline: the objects they make are not checked' }],
    },
    {
      name: 'a Flux build with a feature hctl does not build at all',
      files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\nreplacements:\n  - path: r.yaml\n' }),
      errors: [{ line: 8, file: 'apps/media/sonarr/ks.yaml', message: 'unverified: the build of media/sonarr is not rendered offline (replacements is not rendered by hctl); what it applies is not checked' }],
    },
    {
      name: 'without Flux: a kustomization with helmCharts (Argo CD, kubectl apply -k)',
      files: { 'apps/kustomization.yaml': `namespace: media\nresources: [cm.yaml]\n${chart}`, 'apps/cm.yaml': configMap('sonarr') },
      errors: [{ line: 4, file: 'apps/kustomization.yaml', message: 'unverified: Helm chart sonarr 1.0.0 from https://charts.example.com is not rendered offline' }],
    },
    {
      name: 'without Flux: a kustomization hctl does not build at all',
      files: { 'apps/kustomization.yaml': 'resources: [cm.yaml]\nreplacements:\n  - path: r.yaml\n', 'apps/cm.yaml': configMap('sonarr') },
      errors: [{ line: 2, column: 1, file: 'apps/kustomization.yaml', message: 'unverified: `kustomize build apps` is not rendered offline (replacements is not rendered by hctl); its files are checked only as written' }],
    },
  ],
});
