import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRemoteUrls, normaliseRepoUrl } from '../../src/repo/repository-urls.js';
import { tempDir } from '../temp-dir.js';

describe('normaliseRepoUrl', () => {
  it('makes the forms Git and Argo CD accept for one repository equal', () => {
    const forms = [
      'https://github.com/Example/homelab.git',
      'https://GitHub.com/Example/homelab/',
      'git@github.com:Example/homelab.git',
      'ssh://git@github.com/Example/homelab',
      'ssh://git@github.com:22/Example/homelab.git',
      'https://token@github.com/Example/homelab',
    ];
    expect(new Set(forms.map(normaliseRepoUrl))).toEqual(new Set(['github.com/Example/homelab']));
  });
  it('keeps different repositories apart', () => {
    expect(normaliseRepoUrl('https://github.com/example/homelab')).not.toBe(normaliseRepoUrl('https://github.com/example/homelab-charts'));
  });
});

describe('gitRemoteUrls', () => {
  it('reads every remote, also through a worktree’s .git file', () => {
    const root = tempDir('remotes');
    mkdirSync(path.join(root, 'main.git'));
    writeFileSync(path.join(root, 'main.git', 'config'), '[remote "origin"]\n\turl = https://github.com/a/b\n[branch "main"]\n\tremote = origin\n[remote "fork"]\n\turl = git@github.com:c/b.git\n');
    mkdirSync(path.join(root, 'tree'));
    writeFileSync(path.join(root, 'tree', '.git'), 'gitdir: ../main.git\n');
    expect(gitRemoteUrls(path.join(root, 'tree'))).toEqual(['https://github.com/a/b', 'git@github.com:c/b.git']);
  });
  it('has no remotes without a Git directory', () => {
    expect(gitRemoteUrls(tempDir('no-git'))).toEqual([]);
  });
});
