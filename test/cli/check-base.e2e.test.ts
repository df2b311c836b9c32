import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { tempDir } from '../temp-dir.js';
import { validateReport } from './report-schema.js';
import { runCli } from './run-cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trimEnd();
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.2\n';

/** A repository with one commit on main, and an uncommitted change that adds commonLabels. */
function repository(): string {
  const repo = tempDir('base');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.email', 'dev@example.com');
  git(repo, 'config', 'user.name', 'Dev');
  mkdirSync(path.join(repo, 'apps'));
  writeFileSync(path.join(repo, 'apps/deployment.yaml'), deployment);
  writeFileSync(path.join(repo, 'apps/kustomization.yaml'), 'resources:\n  - deployment.yaml\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'web');
  writeFileSync(path.join(repo, 'apps/kustomization.yaml'), 'resources:\n  - deployment.yaml\ncommonLabels:\n  team: shop\n');
  git(repo, 'add', 'apps/kustomization.yaml');
  return repo;
}

describe('hctl check --base', () => {
  it('reports a selector the change would alter, says what it compared with, and leaves the index and working tree as they were', () => {
    const repo = repository();
    const status = git(repo, 'status', '--porcelain');
    const text = runCli(['check', repo, '--base', 'main']);
    expect(text.status).toBe(2);
    expect(text.stdout).toMatch(/apps\/deployment.yaml\n +7:3 +critical +Deployment shop\/web: spec.selector changed since main \([0-9a-f]{7,}\)/);
    expect(text.stdout).toMatch(/^Compared with main \([0-9a-f]{7,}\): 1 object reached the cluster there$/m);
    // The revision's files go to the temporary directory the user names, and are gone afterwards.
    const scratch = tempDir('scratch');
    const json = JSON.parse(runCli(['check', repo, '--base', 'main', '--format', 'json'], { env: { TMPDIR: scratch } }).stdout) as Report;
    expect(readdirSync(scratch).filter((name) => name.startsWith('hctl-base-'))).toEqual([]); // Node 22+ keeps its compile cache there too
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.details.base).toMatchObject({ ref: 'main', objects: 1 });
    expect(git(repo, 'status', '--porcelain')).toBe(status);
    // Without --base nothing is compared.
    const alone = JSON.parse(runCli(['check', repo, '--format', 'json']).stdout) as Report;
    expect(alone.status).not.toBe('critical');
    expect(alone.details.base).toBeUndefined();
  });

  it('exits 3 with what to do for a revision that does not exist, or a directory outside git', () => {
    const unknown = runCli(['check', repository(), '--base', 'origin/main']);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/--base origin\/main: no such revision in .*git fetch first/);
    const plain = tempDir('plain');
    writeFileSync(path.join(plain, 'deployment.yaml'), deployment);
    const outside = runCli(['check', plain, '--base', 'main']);
    expect(outside.status).toBe(3);
    expect(outside.stderr).toMatch(/is not in a git repository/);
  });
});
