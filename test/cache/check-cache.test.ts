import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleSiblings } from '../../src/cache/cache-dir.js';
import { CheckCache, useCheckCache } from '../../src/cache/check-cache.js';
import type { Report } from '../../src/report/report.js';
import type { ValidationResult } from '../../src/schema/validator.js';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

afterEach(() => useCheckCache(false));

const validated: ValidationResult = { status: 'validated', source: 'kubernetes', problems: [] };

describe('the check cache', () => {
  it('is off unless turned on', () => {
    expect(CheckCache.open(tempDir('repo'))).toBeUndefined();
  });

  it('gives a later run the parsed values and validations of unchanged content, and recomputes changed content', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    expect(first.parsed('a.yaml', 'kind: A\n', () => [{ kind: 'A' }])).toEqual([{ kind: 'A' }]);
    expect(first.validated('bundle /v1/configmap', { kind: 'A' }, () => validated)).toBe(validated);
    first.save();

    const second = CheckCache.open(repo)!;
    const never = () => {
      throw new Error('recomputed an unchanged file');
    };
    expect(second.parsed('a.yaml', 'kind: A\n', never)).toEqual([{ kind: 'A' }]);
    expect(second.validated('bundle /v1/configmap', { kind: 'A' }, never)).toEqual(validated);
    // Changed text, the same text at another path, another schema: computed again.
    expect(second.parsed('a.yaml', 'kind: B\n', () => [{ kind: 'B' }])).toEqual([{ kind: 'B' }]);
    expect(second.parsed('charts/x/templates/a.yaml', 'kind: A\n', () => null)).toBeNull();
    let runs = 0;
    second.validated('bundle apps/v1/deployment', { kind: 'A' }, () => (runs++, validated));
    expect(runs).toBe(1);
  });

  it('finds a document by its content, however its strings are held in memory', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    // Cut from a text with an emoji, V8 keeps this ASCII string in two-byte form.
    const twoByte = '🚀 web-frontend'.slice(3);
    first.validated('bundle /v1/configmap', { metadata: { name: twoByte } }, () => validated);
    first.save();
    const never = () => {
      throw new Error('validated an unchanged document again');
    };
    expect(CheckCache.open(repo)!.validated('bundle /v1/configmap', { metadata: { name: 'web-frontend' } }, never)).toEqual(validated);
  });

  it('keeps values as parsed, even when the caller then changes them', () => {
    useCheckCache(true, tempDir('cache'));
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    const values = first.parsed('a.yaml', 'data: |\n  x\n', () => [{ data: 'x\n' }]) as { data: string }[];
    values[0]!.data = 'changed';
    first.save();
    expect(CheckCache.open(repo)!.parsed('a.yaml', 'data: |\n  x\n', () => [])).toEqual([{ data: 'x\n' }]);
  });

  it('drops what the last run did not use, and starts empty from a damaged pack', () => {
    const dir = tempDir('cache');
    useCheckCache(true, dir);
    const repo = tempDir('repo');
    const first = CheckCache.open(repo)!;
    first.parsed('old.yaml', 'old', () => ['old']);
    first.save();
    const second = CheckCache.open(repo)!;
    second.parsed('new.yaml', 'new', () => ['new']);
    second.save();
    let recomputed = false;
    CheckCache.open(repo)!.parsed('old.yaml', 'old', () => ((recomputed = true), ['old']));
    expect(recomputed).toBe(true);

    const packs = path.join(dir, 'checks');
    const [fingerprint] = readdirSync(packs);
    for (const file of readdirSync(path.join(packs, fingerprint!))) writeFileSync(path.join(packs, fingerprint!, file), 'not a pack');
    expect(CheckCache.open(repo)!.parsed('new.yaml', 'new', () => ['again'])).toEqual(['again']);
  });
});

describe('hctl check with the cache', () => {
  it('a warm run reports exactly what a cold run does, and sees a file that changed', () => {
    const repo = tempDir('flux');
    cpSync(path.join(PROJECT_ROOT, 'examples', 'flux-homelab'), repo, { recursive: true });
    const cache = tempDir('cache');
    const run = () => {
      const result = runCli(['check', repo, '--format', 'json'], { env: { HCTL_CACHE_DIR: cache } });
      const report = JSON.parse(result.stdout) as Report;
      return { status: result.status, findings: report.findings, inventory: (report.details as { inventory: unknown }).inventory };
    };
    const cold = run();
    expect(existsSync(path.join(cache, 'checks'))).toBe(true);
    expect(run()).toEqual(cold);

    const file = path.join(repo, 'apps', 'home', 'home-assistant', 'mqtt-secret.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('kind: Secret', 'kind: Secret\nmetadata2: {}'));
    const edited = run();
    expect(edited.findings.some((finding) => finding.message.includes('metadata2'))).toBe(true);
  });

  it('--no-cache keeps nothing', () => {
    const cache = tempDir('cache');
    runCli(['check', path.join(PROJECT_ROOT, 'examples', 'flux-homelab'), '--no-cache'], { env: { HCTL_CACHE_DIR: cache } });
    expect(readdirSync(cache)).toEqual([]);
  });
});

describe('tidying caches of other hctl builds', () => {
  it('removes sibling fingerprints nobody wrote for a day, and keeps the rest', () => {
    const parent = tempDir('validators');
    for (const name of ['current', 'recent', 'old']) mkdirSync(path.join(parent, name));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(path.join(parent, 'old'), twoDaysAgo, twoDaysAgo);
    removeStaleSiblings(path.join(parent, 'current'));
    expect(readdirSync(parent).sort()).toEqual(['current', 'recent']);
  });
});
