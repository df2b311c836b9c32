import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRepo } from '../../src/repo/load.js';
import { tempDir } from '../temp-dir.js';

function repoWith(files: Record<string, string>): string {
  const dir = tempDir('load');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('loadRepo', () => {
  it('honours .gitignore and .hctlignore at every level and never enters .git or node_modules', async () => {
    const dir = repoWith({
      'keep.yaml': ns('keep'),
      '.gitignore': 'ignored.yaml\nbuild/\n',
      'ignored.yaml': ns('ignored'),
      'build/out.yaml': ns('build'),
      'apps/.hctlignore': 'scratch-*.yaml\n',
      'apps/scratch-copy.yaml': ns('scratch'),
      'apps/app.yaml': ns('app'),
      '.git/config.yaml': ns('git'),
      'node_modules/pkg/x.yaml': ns('module'),
    });
    const repo = loadRepo(dir);
    expect(repo.objects.map((object) => object.name).sort()).toEqual(['app', 'keep']);
    expect(repo.files.map((file) => file.file)).toEqual(['apps/app.yaml', 'keep.yaml']);
  });

  it('reads JSON files only when they are Kubernetes objects', async () => {
    const dir = repoWith({
      'dashboard.json': '{"title": "Grafana"}',
      'broken.json': '{not json',
      'cm.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "from-json"}}',
    });
    const repo = loadRepo(dir);
    expect(repo.files.map((file) => file.file)).toEqual(['cm.json']);
    expect(repo.objects[0]!.source!.locate(['metadata', 'name'])).toMatchObject({ file: 'cm.json', line: 1, column: 64 });
  });

  it('reports a JSON manifest that does not parse instead of dropping it', () => {
    const repo = loadRepo(repoWith({ 'cm.json': '{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "cut"\n' }));
    expect(repo.files.map((file) => file.file)).toEqual(['cm.json']);
    expect(repo.files[0]!.problems).toMatchObject([{ kind: 'syntax', line: 3 }]);
  });

  it('reads .sops.yaml as configuration, not as a manifest', async () => {
    const repo = loadRepo(repoWith({ '.sops.yaml': 'creation_rules:\n  - path_regex: secret\\.yaml$\n', 'a/secret.yaml': ns('a') }));
    expect(repo.files.map((file) => file.file)).toEqual(['a/secret.yaml']);
    expect(repo.sops.ruleFor('a/secret.yaml')?.pathRegex).toBe('secret\\.yaml$');
    expect(repo.sops.ruleFor('a/other.yaml')).toBeUndefined();
  });

  it('strips a UTF-8 byte order mark', async () => {
    const repo = loadRepo(repoWith({ 'bom.yaml': `\uFEFF${ns('bom')}` }));
    expect(repo.objects[0]!.name).toBe('bom');
  });
});
