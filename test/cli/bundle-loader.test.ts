import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadBundledCli } from '../../src/cli/bundle-loader.js';
import { repoDir, tempDir } from '../temp-dir.js';

/** A stand-in for dist/bundle/hctl.cjs: CommonJS that requires a sibling and exports main. */
function bundle(body = 'return helper.add(argv.length, 40);'): string {
  const dir = repoDir('bundle', {
    'helper.cjs': 'exports.add = (a, b) => a + b;\n',
    'hctl.cjs': `const helper = require('./helper.cjs');\nexports.main = async (argv) => { ${body} };\nexports.file = __filename;\n`,
  });
  return path.join(dir, 'hctl.cjs');
}

function codeCacheFiles(cache: string): string[] {
  const root = path.join(cache, 'code');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.v8'));
}

describe('the bundled CLI loader', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs the bundle as a CommonJS module: its require() resolves beside it', async () => {
    vi.stubEnv('HCTL_CACHE_DIR', tempDir('cache'));
    const cli = loadBundledCli(bundle(), ['node', 'hctl', 'check']);
    expect(await cli.main(['node', 'hctl'])).toBe(42);
  });

  it('keeps the compiled code after the first run and reuses it on the next', async () => {
    const cache = tempDir('cache');
    vi.stubEnv('HCTL_CACHE_DIR', cache);
    const file = bundle();
    const first = loadBundledCli(file, ['node', 'hctl', 'check', '.']);
    expect(first.compiledCodeReused).toBe(false);
    await first.main([]);
    first.saveCodeCache();
    expect(codeCacheFiles(cache)).toEqual([expect.stringMatching(/check\.v8$/)]);
    const second = loadBundledCli(file, ['node', 'hctl', 'check', '.']);
    expect(second.compiledCodeReused).toBe(true);
    expect(await second.main(['node', 'hctl'])).toBe(42);
  });

  it('keeps one cache per command; runs with flags alone (--version) share one named other', () => {
    const cache = tempDir('cache');
    vi.stubEnv('HCTL_CACHE_DIR', cache);
    const file = bundle();
    loadBundledCli(file, ['node', 'hctl', 'check']).saveCodeCache();
    expect(loadBundledCli(file, ['node', 'hctl', 'health']).compiledCodeReused).toBe(false);
    loadBundledCli(file, ['node', 'hctl', '--version']).saveCodeCache();
    expect(codeCacheFiles(cache).map((name) => path.basename(name)).sort()).toEqual(['check.v8', 'other.v8']);
  });

  it('never runs a rebuilt bundle with the old build code, even one of the same length (V8 compares only lengths)', async () => {
    const cache = tempDir('cache');
    vi.stubEnv('HCTL_CACHE_DIR', cache);
    const file = bundle('return helper.add(argv.length, 40);');
    const first = loadBundledCli(file, ['node', 'hctl', 'check']);
    await first.main([]);
    first.saveCodeCache();
    writeFileSync(file, readFileSync(file, 'utf8').replace('40', '50'));
    const rebuilt = loadBundledCli(file, ['node', 'hctl', 'check']);
    expect(rebuilt.compiledCodeReused).toBe(false);
    expect(await rebuilt.main([])).toBe(50);
  });

  it('--no-cache neither reads nor writes compiled code', () => {
    const cache = tempDir('cache');
    vi.stubEnv('HCTL_CACHE_DIR', cache);
    const file = bundle();
    loadBundledCli(file, ['node', 'hctl', 'check', '.']).saveCodeCache();
    expect(loadBundledCli(file, ['node', 'hctl', 'check', '.', '--no-cache']).compiledCodeReused).toBe(false);
    const other = tempDir('cache');
    vi.stubEnv('HCTL_CACHE_DIR', other);
    loadBundledCli(file, ['node', 'hctl', 'check', '.', '--no-cache']).saveCodeCache();
    expect(codeCacheFiles(other)).toEqual([]);
  });

  it('runs as well when the cache cannot be written', async () => {
    const blocked = path.join(tempDir('cache'), 'a-file');
    writeFileSync(blocked, 'not a directory\n');
    vi.stubEnv('HCTL_CACHE_DIR', blocked);
    const cli = loadBundledCli(bundle(), ['node', 'hctl', 'check']);
    expect(await cli.main(['node'])).toBe(41);
    expect(() => cli.saveCodeCache()).not.toThrow();
  });

  it('says what to do when the bundle exports no main()', () => {
    vi.stubEnv('HCTL_CACHE_DIR', tempDir('cache'));
    const file = path.join(repoDir('bundle', { 'hctl.cjs': 'exports.other = 1;\n' }), 'hctl.cjs');
    expect(() => loadBundledCli(file, ['node', 'hctl'])).toThrow(`${file} exports no main(): rebuild hctl (npm run build)`);
  });
});
