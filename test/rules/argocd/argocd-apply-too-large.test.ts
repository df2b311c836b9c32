import rule from '../../../src/rules/argocd/argocd-apply-too-large.js';
import { ruleTester } from '../../rule-tester.js';

const app = (path: string, extra = '', source = '') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: grafana\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    path: ${path}\n    targetRevision: HEAD\n${source}  destination:\n    server: https://kubernetes.default.svc\n    namespace: grafana\n${extra}`;
// 270,000 characters of dashboard JSON: under the 1 MiB ConfigMap limit, over 256 KiB of annotations once applied client-side.
const dashboard = JSON.stringify({ title: 'big', panels: 'x'.repeat(270_000) });
const configMap = (name: string, annotations = '', value = dashboard) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: grafana\n${annotations}data:\n  dashboard.json: '${value}'\n`;
const generated = (options = '') =>
  `namespace: grafana\nconfigMapGenerator:\n  - name: dashboards\n    files:\n      - big.json\n${options}`;
const appSet = `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\n  namespace: argocd\nspec:\n  generators:\n    - git:\n        repoURL: https://github.com/example/homelab\n        revision: main\n        directories:\n          - path: apps/*\n  template:\n    metadata:\n      name: '{{path.basename}}'\n    spec:\n      project: default\n      source:\n        repoURL: https://github.com/example/homelab\n        targetRevision: main\n        path: '{{path}}'\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: '{{path.basename}}'\n`;
const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`;

ruleTester(rule, {
  valid: [
    { name: 'ServerSideApply=true on the object', files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/cm.yaml': configMap('big', '  annotations:\n    argocd.argoproj.io/sync-options: ServerSideApply=true\n') } },
    { name: 'ServerSideApply=true on the Application', files: { 'argocd/grafana.yaml': app('apps/grafana', '  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true\n'), 'apps/grafana/cm.yaml': configMap('big', '  annotations:\n    argocd.argoproj.io/sync-wave: "1"\n') } },
    { name: 'Replace=true among other options', files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/cm.yaml': configMap('big', '  annotations:\n    argocd.argoproj.io/sync-options: Prune=false, Replace=true\n') } },
    { name: 'a generated ConfigMap with ServerSideApply=true from generatorOptions', files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/kustomization.yaml': generated('generatorOptions:\n  annotations:\n    argocd.argoproj.io/sync-options: ServerSideApply=true\n'), 'apps/grafana/big.json': dashboard } },
    {
      name: 'ServerSideApply=true from the Application\'s own kustomize edits',
      files: { 'argocd/grafana.yaml': app('apps/grafana', '', '    kustomize:\n      commonAnnotations:\n        argocd.argoproj.io/sync-options: ServerSideApply=true\n'), 'apps/grafana/kustomization.yaml': generated(), 'apps/grafana/big.json': dashboard },
    },
    { name: 'a small object', files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/cm.yaml': configMap('small', '', '{}') } },
    { name: 'in a subdirectory of a directory source without recurse: Argo CD does not apply it', files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/old/cm.yaml': configMap('big') } },
    { name: 'excluded by the directory source', files: { 'argocd/grafana.yaml': app('apps/grafana', '', '    directory:\n      exclude: "big-*.yaml"\n'), 'apps/grafana/big-cm.yaml': configMap('big') } },
    { name: 'Flux applies server-side', files: { 'flux/apps.yaml': flux, 'apps/kustomization.yaml': generated(), 'apps/big.json': dashboard } },
  ],
  invalid: [
    {
      name: 'a large ConfigMap in an Application\'s directory',
      files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/cm.yaml': configMap('big') },
      errors: [{ line: 3, column: 1, file: 'apps/grafana/cm.yaml', message: 'applied client-side, it needs 264 KiB of annotations (kubectl\'s last-applied-configuration holds the whole object): Argo CD Application grafana applies it that way' }],
    },
    {
      name: 'a ConfigMap generated from dashboards by the Application\'s kustomization',
      files: { 'argocd/grafana.yaml': app('apps/grafana'), 'apps/grafana/kustomization.yaml': generated(), 'apps/grafana/big.json': dashboard },
      errors: [{ line: 3, column: 5, file: 'apps/grafana/kustomization.yaml', message: /^applied client-side, it needs 264 KiB/ }],
    },
    {
      name: 'the object opts out of the Application\'s ServerSideApply',
      files: { 'argocd/grafana.yaml': app('apps/grafana', '  syncPolicy:\n    syncOptions: [ServerSideApply=true]\n'), 'apps/grafana/cm.yaml': configMap('big', '  annotations:\n    argocd.argoproj.io/sync-options: ServerSideApply=false\n') },
      errors: [{ line: 3, message: 'Argo CD Application grafana applies it that way' }],
    },
    {
      name: 'an Application an ApplicationSet generates',
      files: { '.git/config': '[remote "origin"]\n\turl = https://github.com/example/homelab\n', 'argocd/apps.yaml': appSet, 'apps/grafana/cm.yaml': configMap('big') },
      errors: [{ line: 3, message: 'Argo CD Application apps (generated for apps/grafana) applies it that way' }],
    },
    {
      name: 'in a subdirectory of a directory source with recurse',
      files: { 'argocd/grafana.yaml': app('apps/grafana', '', '    directory:\n      recurse: true\n'), 'apps/grafana/dashboards/cm.yaml': configMap('big') },
      errors: [{ line: 3, file: 'apps/grafana/dashboards/cm.yaml', message: 'Argo CD Application grafana applies it that way' }],
    },
    {
      name: 'no Application in sight, but Argo CD annotations on the object',
      files: { 'apps/grafana/cm.yaml': configMap('big', '  annotations:\n    argocd.argoproj.io/sync-wave: "-1"\n') },
      errors: [{ line: 3, message: 'Argo CD (its argocd.argoproj.io annotations say so) applies it that way' }],
    },
  ],
});
