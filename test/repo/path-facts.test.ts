import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PathFacts } from '../../src/repo/path-facts.js';
import { walkRepo } from '../../src/repo/walk.js';
import { tempDir } from '../temp-dir.js';

describe('PathFacts', () => {
  it('answers from the listings the walk read, without the filesystem', () => {
    // The root does not exist: every answer below comes from the listings.
    const facts = new PathFacts('/nonexistent-hctl-root', new Map([['', new Set(['apps', 'README.md'])], ['apps', new Set(['kustomization.yaml'])]]));
    expect(facts.exists('apps/kustomization.yaml')).toBe(true);
    expect(facts.exists('apps/Kustomization')).toBe(false);
    expect(facts.exists('apps')).toBe(true);
    expect(facts.isDirectory('apps')).toBe(true);
    expect(facts.exists('README.md')).toBe(true);
    expect(facts.isDirectory('README.md')).toBe(false);
  });

  it('tells files from directories the walk listed but did not enter, without the filesystem', () => {
    const facts = new PathFacts('/nonexistent-hctl-root', new Map([['', new Set(['apps', 'vendor', 'README.md'])], ['apps', new Set(['cm.yaml'])]]), new Set(['apps', 'vendor']));
    expect(facts.isDirectory('vendor')).toBe(true);
    expect(facts.isDirectory('apps/cm.yaml')).toBe(false);
    expect(facts.isDirectory('apps/missing')).toBe(false);
    expect(facts.isDirectory('README.md')).toBe(false);
  });

  it('asks the filesystem about what the walk did not list (ignored directories, paths outside)', () => {
    const root = tempDir('repo');
    mkdirSync(path.join(root, 'vendor'));
    writeFileSync(path.join(root, 'vendor', 'kustomization.yaml'), 'resources: []\n');
    writeFileSync(path.join(root, '.gitignore'), 'vendor/\n');
    const walked = walkRepo(root);
    const facts = new PathFacts(root, walked.listings, walked.directories);
    expect(facts.exists('vendor/kustomization.yaml')).toBe(true);
    expect(facts.exists('vendor/missing.yaml')).toBe(false);
    expect(facts.isDirectory('vendor')).toBe(true);
    expect(facts.exists('.')).toBe(true);
  });
});

describe('the walk', () => {
  it('lists every name of every directory it reads, not only manifests, and not links to nothing', () => {
    const root = tempDir('repo');
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'app', 'script.sh'), 'echo\n');
    writeFileSync(path.join(root, 'app', 'kustomization.yaml'), 'resources: []\n');
    symlinkSync('/nonexistent-hctl-target.yaml', path.join(root, 'app', 'gone.yaml'));
    const { listings } = walkRepo(root);
    expect([...listings.get('')!].sort()).toEqual(['app']);
    expect([...listings.get('app')!].sort()).toEqual(['kustomization.yaml', 'script.sh']);
  });
});
