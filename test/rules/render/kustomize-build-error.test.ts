import rule from '../../../src/rules/render/kustomize-build-error.js';
import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../rule-tester.js';
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

describe('kustomize-build-error hints', () => {
  const failing = (kustomization: string, extra: Record<string, string> = {}) =>
    runRule(rule, { files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': kustomization, ...extra }) })[0]?.hint;
  it('say what to fix for each kind of failure', () => {
    expect(failing('resources:\n  - cm.yaml\n  - gone.yaml\n')).toMatch(/^Fix the path or file name/);
  });
  it('name the patch file that does not parse', () => {
    const [finding] = runRule(rule, { files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', 'apps/media/sonarr/app/patch.yaml': 'a: [\n' }) });
    expect(finding?.message).toMatch(/^patch apps\/media\/sonarr\/app\/patch.yaml does not parse/);
  });
  it('say what to fix for YAML and patch failures', () => {
    expect(failing('resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', { 'apps/media/sonarr/app/patch.yaml': 'a: [\n' })).toMatch(/^Fix the YAML of that file/);
    expect(failing('resources:\n  - cm.yaml\npatches:\n  - path: patch.yaml\n', { 'apps/media/sonarr/app/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nothing\nspec:\n  replicas: 2\n' })).toMatch(/^Fix the patch target/);
  });
});
