import rule from '../../../src/rules/argocd/argocd-chart-unpinned.js';
import { ruleTester } from '../../rule-tester.js';

const app = (source: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: loki\n  namespace: argocd\nspec:\n  project: default\n${source}`;

ruleTester(rule, {
  valid: [
    app('  source:\n    repoURL: https://grafana.github.io/helm-charts\n    chart: loki\n    targetRevision: 6.16.0\n'),
    { name: 'a git path may follow HEAD', code: app('  source:\n    repoURL: https://github.com/me/repo\n    path: apps/loki\n    targetRevision: HEAD\n') },
    { name: 'an ApplicationSet template value is filled in later', code: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: addons\nspec:\n  template:\n    spec:\n      source:\n        chart: "{{ .chart }}"\n        targetRevision: "{{ .version }}"\n' },
  ],
  invalid: [
    { code: app('  source:\n    repoURL: https://grafana.github.io/helm-charts\n    chart: loki\n    targetRevision: 6.*\n'), errors: [{ line: 11, column: 21, message: 'Chart loki targetRevision "6.*"' }] },
    {
      name: 'multi-source and ApplicationSet template',
      code: `${app('  sources:\n    - repoURL: https://charts.example.com\n      chart: tempo\n      targetRevision: HEAD\n')}---\napiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: set\nspec:\n  template:\n    spec:\n      source:\n        chart: vault\n`,
      errors: [{ line: 11, message: 'tempo' }, { line: 21, message: 'vault has no targetRevision' }],
    },
  ],
});
