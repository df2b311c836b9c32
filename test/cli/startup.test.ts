import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './run-cli.js';
import { tempDir } from '../temp-dir.js';

/** Runs the CLI in one process and returns the CommonJS packages it loaded, by name. */
function packagesLoaded(args: string[], cacheDir: string): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist/cli/main.js'))});
    await main(['node', 'hctl', ...${JSON.stringify(args)}]);
    const loaded = Object.keys(createRequire(import.meta.url)('node:module')._cache);
    process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, HCTL_CACHE_DIR: cacheDir } });
  const line = result.stderr.split('\n').find((text) => text.startsWith('LOADED '));
  if (!line) throw new Error(`no module list: ${result.stderr}`);
  const files = JSON.parse(line.slice('LOADED '.length)) as string[];
  return [...new Set(files.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter((name): name is string => name !== undefined))];
}

describe('startup', () => {
  it('loads no cluster client, prompt library, schema compiler, full YAML parser, cron parser or semver just to start', () => {
    const loaded = packagesLoaded(['--version'], tempDir('cache'));
    expect(loaded).toContain('commander'); // the list is real
    for (const lazy of ['@kubernetes/client-node', '@inquirer/prompts', 'ajv', 'ajv-formats', 'yaml', 'fast-json-patch', 'cron-parser', 'luxon', 'semver']) expect(loaded).not.toContain(lazy);
  });

  it('a check whose validations are all cached loads no ajv', () => {
    const cache = tempDir('cache');
    const example = path.join(PROJECT_ROOT, 'examples', 'flux-homelab');
    runCli(['check', example], { env: { HCTL_CACHE_DIR: cache } });
    expect(packagesLoaded(['check', example, '--no-cache'], cache)).toContain('ajv'); // validating does load it
    expect(packagesLoaded(['check', example], cache)).not.toContain('ajv');
  });
});
