import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from './run-cli.js';
import { tempDir } from '../temp-dir.js';

/**
 * Runs the bundled CLI in one process and returns the packages it loaded, by name: CommonJS ones
 * (and ES modules loaded with require) from the require cache, ES modules it imported from a load
 * hook that logs every URL.
 */
function packagesLoaded(args: string[], cacheDir: string, control: { imports?: string; requires?: string } = {}): string[] {
  return [...new Set(filesLoaded(args, cacheDir, control).map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]).filter((name): name is string => name !== undefined))];
}

/** The files a run of the bundled CLI loaded, CommonJS and ES modules alike (see packagesLoaded). */
function filesLoaded(args: string[], cacheDir: string, control: { imports?: string; requires?: string } = {}): string[] {
  const log = path.join(tempDir('load-log'), 'urls.txt');
  const hook = `import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`;
  const script = `
    import { createRequire, register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    ${control.imports ? `await import(${JSON.stringify(control.imports)});` : ''}
    ${control.requires ? `createRequire(import.meta.url)(${JSON.stringify(control.requires)});` : ''}
    const { loadBundledCli } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist/cli/bundle-loader.js'))});
    const argv = ['node', 'hctl', ...${JSON.stringify(args)}];
    await loadBundledCli(${JSON.stringify(path.join(PROJECT_ROOT, 'dist/bundle/hctl.cjs'))}, argv).main(argv);
    const loaded = Object.keys(createRequire(import.meta.url)('node:module')._cache);
    process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, HCTL_CACHE_DIR: cacheDir } });
  const line = result.stderr.split('\n').find((text) => text.startsWith('LOADED '));
  if (!line) throw new Error(`no module list: ${result.stderr}`);
  return [...(JSON.parse(line.slice('LOADED '.length)) as string[]), ...readFileSync(log, 'utf8').split('\n')];
}

describe('startup', () => {
  it('sees the packages a run loads, imported or required', () => {
    expect(packagesLoaded(['--version'], tempDir('cache'), { imports: 'p-limit', requires: 'semver' })).toEqual(expect.arrayContaining(['p-limit', 'semver']));
  });

  it('loads no package at all just to start: the small ones are in the bundle, the large ones load on first use', () => {
    expect(packagesLoaded(['--version'], tempDir('cache'))).toEqual([]);
  });

  it('a check whose validations are all cached loads no ajv and no CEL', () => {
    const cache = tempDir('cache');
    const example = path.join(PROJECT_ROOT, 'examples', 'flux-homelab');
    runCli(['check', example], { env: { HCTL_CACHE_DIR: cache } });
    expect(packagesLoaded(['check', example, '--no-cache'], cache)).toEqual(expect.arrayContaining(['ajv', '@marcbachmann/cel-js'])); // validating does load them
    const cached = packagesLoaded(['check', example], cache);
    expect(cached).not.toContain('ajv');
    expect(cached).not.toContain('@marcbachmann/cel-js');
  });

  it('the packages it loads on first use that are many modules each load as one file from beside the bundle', () => {
    const files = filesLoaded(['check', path.join(PROJECT_ROOT, 'examples', 'flux-homelab'), '--no-cache'], tempDir('cache'));
    for (const name of ['yaml', '@marcbachmann/cel-js']) {
      expect(files.filter((file) => file.includes(`node_modules/${name}/`) && !file.endsWith('package.json'))).toEqual([path.join(PROJECT_ROOT, 'dist', 'bundle', 'node_modules', name, 'index.cjs')]);
    }
  });

  it('a config file is read without the yaml package or ajv once its validator is cached, unless it has suppressions to place', () => {
    const cache = tempDir('cache');
    const repo = tempDir('repo');
    writeFileSync(path.join(repo, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: default\n');
    writeFileSync(path.join(repo, '.hctl.yaml'), 'profile: default\nkubernetesVersion: "1.34"\nrules:\n  image-unpinned: off\n');
    runCli(['check', repo], { env: { HCTL_CACHE_DIR: cache } });
    // Generated validators require ajv's small runtime helpers (ucs2length), never its compiler.
    const compiler = (files: string[]) => files.filter((file) => /node_modules\/ajv\/dist\/(core|ajv|compile\/index)\.js/.test(file));
    const plain = filesLoaded(['check', repo], cache);
    expect(plain.filter((file) => file.includes('node_modules/yaml/'))).toEqual([]);
    expect(compiler(plain)).toEqual([]);
    writeFileSync(path.join(repo, '.hctl.yaml'), 'suppressions:\n  - rule: image-unpinned\n    files: ["*.yaml"]\n    reason: test\n');
    const withSuppressions = filesLoaded(['check', repo], cache);
    expect(withSuppressions.some((file) => file.includes('node_modules/yaml/'))).toBe(true);
    expect(compiler(withSuppressions)).toEqual([]);
  });

  it('compiled validators loaded from the cache compile a CEL rule only when a value meets it', () => {
    const crd = (rulePath: string) =>
      `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                size:\n                  type: object\n                  x-kubernetes-validations:\n                    - rule: "${rulePath}"\n                  properties:\n                    min: {type: integer}\n                    max: {type: integer}\n                color: {type: string}\n`;
    const widget = (spec: string) => `---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: a\n  namespace: default\nspec:\n${spec}`;
    const loadedFor = (spec: string) => {
      const cache = tempDir('cache');
      const repo = tempDir('repo');
      writeFileSync(path.join(repo, 'widgets.yaml'), crd('self.min <= self.max') + widget(spec));
      runCli(['check', repo], { env: { HCTL_CACHE_DIR: cache } }); // compiles the validator (that does load CEL)
      rmSync(path.join(cache, 'checks'), { recursive: true, force: true }); // results forgotten, validators kept
      return packagesLoaded(['check', repo], cache);
    };
    expect(loadedFor('  size: {min: 1, max: 2}\n')).toContain('@marcbachmann/cel-js');
    expect(loadedFor('  color: red\n')).not.toContain('@marcbachmann/cel-js');
  });
});
