import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, userConfigPath } from '../../src/config/config.js';
import { DEFAULT_PLATFORM } from '../../src/config/platform.js';
import { starterConfig } from '../../src/config/starter-config.js';
import { runCli } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

let saved: string | undefined;
let configHome: string;
beforeEach(() => {
  saved = process.env.XDG_CONFIG_HOME;
  configHome = tempDir('xdg');
  process.env.XDG_CONFIG_HOME = configHome;
});
afterEach(() => {
  process.env.XDG_CONFIG_HOME = saved;
});

function writeUserConfig(text: string): string {
  const file = userConfigPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('the user config (~/.config/hctl/config.yaml)', () => {
  it('lives under XDG_CONFIG_HOME', () => {
    expect(userConfigPath()).toBe(path.join(configHome, 'hctl', 'config.yaml'));
  });

  it('is merged under the repo\'s .hctl.yaml: the repo wins key by key, suppressions from both apply', () => {
    const userFile = writeUserConfig(
      'gitMode: auto\nkubeContext: admin@homelab\nplatform:\n  domain: lab.example.net\n  platformNamespace: requests\nsuppressions:\n  - rule: image-unpinned\n    reason: mine\n',
    );
    const repo = tempDir('repo');
    writeFileSync(path.join(repo, '.hctl.yaml'), 'platform:\n  domain: team.example.org\nsuppressions:\n  - rule: workload-resources\n    reason: the repo\'s\n');
    const config = loadConfig({ startDir: repo });
    expect(config.gitMode).toBe('auto');
    expect(config.kubeContext).toBe('admin@homelab');
    expect(config.platform).toEqual({ ...DEFAULT_PLATFORM, domain: 'team.example.org', platformNamespace: 'requests' });
    expect(config.suppressions.map((entry) => `${entry.file}:${entry.line} ${entry.rules.join()}`)).toEqual([`${userFile}:7 image-unpinned`, `${path.join(repo, '.hctl.yaml')}:4 workload-resources`]);
    expect(config.userFile).toBe(userFile);
  });

  it('a mistake in it is reported at its line', () => {
    const file = writeUserConfig('gitMode: sometimes\n');
    expect(() => loadConfig({ startDir: tempDir('repo') })).toThrow(`${file}:1:10: gitMode must be one of: prompt, generate, stage, commit, auto`);
  });

  it('repoPath is relative to the config file, ~ is the home directory', () => {
    writeUserConfig('repoPath: ../../src/homelab\n');
    expect(loadConfig({ startDir: tempDir('repo') }).repoPath).toBe(path.resolve(configHome, '..', 'src', 'homelab'));
  });
});

describe('hctl init', () => {
  it('writes the commented starter, prints its path, and will not overwrite it', () => {
    const repo = tempDir('repo');
    const first = runCli(['init', '--repo-path', repo], { env: { XDG_CONFIG_HOME: configHome } });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(`${userConfigPath()}\n`);
    expect(readFileSync(userConfigPath(), 'utf8')).toBe(starterConfig(repo));
    const loaded = loadConfig({ startDir: tempDir('elsewhere') });
    expect(loaded).toMatchObject({ repoPath: repo, gitMode: 'prompt', interactive: true, protectedBranches: [], platform: DEFAULT_PLATFORM });
    const again = runCli(['init'], { env: { XDG_CONFIG_HOME: configHome } });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists; nothing was written');
  });

  it('every commented setting is valid once uncommented', () => {
    const uncommented = starterConfig('/srv/homelab').replace(/^# ( *(?:platform|kubeContext|domain|clusterSubnet|platformNamespace|requestsDir|apiGroup|apiVersion|kind|plural|argocdNamespace|cluster\w+Labels|chartRepoURL|chartVersion|integratn\.tech\/[\w-]+):)/gm, '$1');
    expect(uncommented).toContain('\nplatform:\n  domain: cluster.integratn.tech\n');
    writeUserConfig(uncommented);
    expect(loadConfig({ startDir: tempDir('repo') }).platform).toEqual({ ...DEFAULT_PLATFORM, clusterSubnet: '10.0.4.0/24' });
  });
});
