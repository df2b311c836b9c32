import rule from '../../../src/rules/argocd/argocd-path-missing.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../rule-tester.js';

const app = (repoURL: string, appPath: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: demo\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: ${repoURL}\n    targetRevision: main\n    path: ${appPath}\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: demo\n`;
const deployment = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\n';
const listAppSet = (goTemplate: boolean) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\n  namespace: argocd\nspec:\n  goTemplate: ${goTemplate}\n  generators:\n    - list:\n        elements:\n          - app: demo\n          - app: gone\n  template:\n    metadata:\n      name: 'x'\n    spec:\n      project: default\n      source:\n        repoURL: https://github.com/example/homelab\n        targetRevision: main\n        path: ${goTemplate ? "'apps/{{ .app }}'" : "'apps/{{app}}'"}\n      destination:\n        server: https://kubernetes.default.svc\n        namespace: demo\n`;
const gitConfig = '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:example/homelab.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';

ruleTester(rule, {
  valid: [
    { name: 'the path exists (the remote written as SSH, the Application as HTTPS)', files: { '.git/config': gitConfig, 'argocd/demo.yaml': app('https://github.com/example/homelab.git', 'apps/demo'), 'apps/demo/cm.yaml': deployment } },
    { name: 'another repository’s path is not judged', files: { '.git/config': gitConfig, 'argocd/demo.yaml': app('https://github.com/example/charts', 'charts/demo') } },
    { name: 'without a remote or repoURL hctl cannot tell which repository is this one', files: { 'argocd/demo.yaml': app('https://github.com/example/homelab', 'apps/gone') } },
  ],
  invalid: [
    {
      name: 'an ApplicationSet list generator, expanded: one element’s path is gone',
      files: { '.git/config': gitConfig, 'argocd/apps.yaml': listAppSet(false), 'apps/demo/cm.yaml': deployment },
      errors: [{ line: 21, message: 'source path apps/gone does not exist in this repository (https://github.com/example/homelab) (generated for element 2)' }],
    },
    {
      name: 'the same with goTemplate',
      files: { '.git/config': gitConfig, 'argocd/apps.yaml': listAppSet(true), 'apps/demo/cm.yaml': deployment },
      errors: [{ line: 21, message: 'source path apps/gone does not exist' }],
    },
    {
      name: 'a renamed directory, found through the Git remote, with the likely new name',
      files: { '.git/config': gitConfig, 'argocd/demo.yaml': app('https://github.com/example/homelab', 'apps/demo'), 'apps/demo-app/cm.yaml': deployment },
      errors: [{ file: 'argocd/demo.yaml', line: 11, message: 'source path apps/demo does not exist in this repository' }],
    },
    {
      name: 'this repository named in .hctl.yaml; the path is a file',
      files: { '.hctl.yaml': 'repoURL: https://github.com/example/homelab\n', 'argocd/demo.yaml': app('https://github.com/example/homelab/', './apps/demo/cm.yaml'), 'apps/demo/cm.yaml': deployment },
      errors: [{ line: 11, message: 'is a file, not a directory' }],
    },
  ],
});

describe('argocd-path-missing hint', () => {
  it('suggests the closest existing directory', () => {
    const [finding] = runRule(rule, { files: { '.git/config': gitConfig, 'argocd/demo.yaml': app('https://github.com/example/homelab', 'apps/demo'), 'apps/demo-app/cm.yaml': deployment } });
    expect(finding?.hint).toBe('Did you mean apps/demo-app? Paths are relative to the repository root.');
  });
});
