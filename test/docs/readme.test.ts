import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG_SCHEMA } from '../../src/config/config-schema.js';
import { PROFILES } from '../../src/config/profiles.js';
import { EXIT_CODES } from '../../src/report/report.js';
import { HEALTH_RULES } from '../../src/rules/health-index.js';
import { RULES } from '../../src/rules/index.js';
import { PROJECT_ROOT, runCli } from '../cli/run-cli.js';
import { RecentReports } from '../../src/mcp/recent-reports.js';
import { callTool, TOOLS } from '../../src/mcp/serve-mcp.js';
import { ROUTES } from '../../src/serve/serve-health.js';

// The seeds' tools drifted from their docs (flags that did not exist, tasks that were removed).
// These tests keep README and docs/ true to the code.

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const readme = read('README.md');

describe('README', () => {
  it('opens with a two-command quick start that .ci/run executes', () => {
    const quickStart = /## Quick start\n\n```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(quickStart).toEqual(['npm ci && ./bin/hctl check examples/flux-homelab', 'npm test']);
    const ci = read('.ci/run');
    expect(ci).toContain('npm ci');
    expect(ci).toContain('npm test');
    expect(ci).toContain('./bin/hctl check examples/flux-homelab');
  });

  it('lists every rule with its severity and domain', () => {
    const rows = [...readme.matchAll(/^\| \[`([a-z0-9-]+)`\]\(docs\/rules\/\1\.md\) \| (\w+) \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(rows).toEqual([...RULES, ...HEALTH_RULES].map((rule) => `${rule.meta.id} ${rule.meta.severity} ${rule.meta.domain}`));
  });

  it('documents only options that `hctl check --help` and `hctl health --help` have', () => {
    const section = (heading: string) => readme.slice(readme.indexOf(heading), readme.indexOf('\n## ', readme.indexOf(heading) + 1));
    const health = [...section('## `hctl health`').matchAll(/^\| `((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!);
    expect(health.length).toBeGreaterThan(8);
    const healthHelp = runCli(['health', '--help']).stdout;
    for (const option of health) expect(healthHelp).toContain(option);
    const help = runCli(['check', '--help']).stdout;
    const documented = [...section('## `hctl check').matchAll(/^\| `((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(4);
    for (const option of documented) expect(help).toContain(option);
    for (const profile of Object.keys(PROFILES)) expect(readme).toContain(`\`${profile}\``);
    const createHelp = runCli(['vcluster', 'create', '--help']).stdout;
    const createOptions = [...section('## `hctl vcluster`').matchAll(/`(--[a-z0-9-]+)/g)].map((m) => m[1]!);
    expect(createOptions.length).toBeGreaterThan(20);
    const vclusterHelp = ['create', 'status', 'kubeconfig', 'apps', 'list', 'sync', 'delete'].map((command) => runCli(['vcluster', command, '--help']).stdout).join('\n');
    for (const option of createOptions) expect(vclusterHelp).toContain(option);
    const pullOptions = [...section('## `hctl schemas pull`').matchAll(/^\| `((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!);
    expect(pullOptions.length).toBeGreaterThan(4);
    const pullHelp = runCli(['schemas', 'pull', '--help']).stdout;
    for (const option of pullOptions) expect(pullHelp).toContain(option);
    expect(createHelp).toContain('--extra-egress');
  });

  for (const [heading, command] of [['## `hctl debug pod', ['debug', 'pod']], ['## `hctl netpol', ['netpol']]] as const) {
    it(`shows \`hctl ${command.join(' ')}\` as it really runs, with the options it has`, () => {
      const section = readme.slice(readme.indexOf(heading), readme.indexOf('\n## ', readme.indexOf(heading) + 1));
      const sample = /```sh\n\.\/bin\/hctl ([^\n]+)\n```\n\n```\n([\s\S]*?)```/.exec(section)!;
      expect(sample[1]!.startsWith(command.join(' '))).toBe(true);
      const output = runCli(sample[1]!.split(' '), { env: { NO_COLOR: '1' } }).stdout.replace(PROJECT_ROOT.replace(/\/$/, ''), '/work/main');
      expect(sample[2]).toBe(output);
      const help = runCli([...command, '--help']).stdout;
      const documented = [...section.matchAll(/^\| `((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!);
      expect(documented.length).toBeGreaterThan(4);
      for (const option of documented) expect(help).toContain(option);
    });
  }

  it('shows `hctl mcp`: its tools, a real check_repo page, and the options it has', async () => {
    const section = readme.slice(readme.indexOf('## `hctl mcp`'), readme.indexOf('\n## ', readme.indexOf('## `hctl mcp`') + 1));
    const tools = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(tools).toEqual(TOOLS.map((tool) => tool.name));
    const [, args, sample] = /`check_repo` on the bundled\nexample, `(\{[^`]+\})`:\n\n```\n([\s\S]*?)```/.exec(section)!;
    const checkRepo = TOOLS.find((tool) => tool.name === 'check_repo')!;
    const result = await callTool(checkRepo, z.object(checkRepo.input).parse(JSON.parse(args!)), { settings: { connection: { requestTimeout: '10', concurrency: '6' } }, recent: new RecentReports() });
    expect(`${result.content[0]!.text}\n`).toBe(sample);
    const help = runCli(['mcp', '--help']).stdout;
    const documented = [...section.matchAll(/^\| `((?:-\w, )?--[\w-]+)/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(2);
    for (const option of documented) expect(help).toContain(option);
  });

  it('documents the options `hctl serve` has', () => {
    const section = readme.slice(readme.indexOf('## `hctl serve`'), readme.indexOf('\n## ', readme.indexOf('## `hctl serve`') + 1));
    const help = runCli(['serve', '--help']).stdout;
    const documented = [...section.matchAll(/`((?:-\w, )?--[\w-]+)/g)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(10);
    for (const option of documented) expect(help).toContain(option);
    const paths = [...section.matchAll(/^\| `(\/[a-z/]*)` \|/gm)].map((m) => m[1]);
    expect(paths).toEqual(Object.keys(ROUTES));
  });

  it('shows `hctl watch` as it really runs, with the options it has', () => {
    const section = readme.slice(readme.indexOf('## `hctl watch`'), readme.indexOf('\n## ', readme.indexOf('## `hctl watch`') + 1));
    const [, command, sample] = /```sh\n\.\/bin\/hctl ([^\n]+)\n```\n\n```\n([\s\S]*?)```/.exec(section)!;
    const output = runCli([...command!.split(' '), '--cycles', '1'], { env: { NO_COLOR: '1' } }).stdout.replace(PROJECT_ROOT.replace(/\/$/, ''), '/work/main');
    // The sample's first reading is the real one (its time aside), cut where the sample shows `…`.
    const shown = sample!.slice(0, sample!.indexOf('…\n')).replace(/^\d\d:\d\d:\d\d/m, 'TIME');
    expect(output.replace(/^\d\d:\d\d:\d\d/m, 'TIME').startsWith(shown)).toBe(true);
    expect(shown.split('\n').length).toBeGreaterThan(3);
    const help = runCli(['watch', '--help']).stdout;
    const documented = [...section.matchAll(/`((?:-\w, )?--[\w-]+)/g)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(10);
    for (const option of documented) expect(help).toContain(option);
  });

  it('documents every --format of check and health', () => {
    for (const [command, heading] of [['check', '## `hctl check'], ['health', '## `hctl health`']] as const) {
      const help = runCli([command, '--help']).stdout.replace(/\s+/g, ' ');
      const choices = [.../--format <format> output format \(choices: ([^)]*?), default/.exec(help)![1]!.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
      expect(choices.length).toBeGreaterThan(3);
      const row = readme.slice(readme.indexOf(heading)).split('\n').find((line) => line.startsWith('| `-f, --format <format>`'))!;
      for (const format of choices) expect(row, `${command} --format ${format}`).toContain(`\`${format}\``);
    }
  });

  it('documents the configuration keys the config schema has', () => {
    const documented = read('docs/configuration.md');
    for (const key of [...Object.keys(CONFIG_SCHEMA.properties), ...Object.keys(CONFIG_SCHEMA.properties.platform.properties)]) {
      expect(documented).toMatch(new RegExp(`^\\s*${key}:`, 'm'));
    }
  });

  it('states the exit codes the code uses', () => {
    for (const file of ['README.md', 'docs/report.md']) {
      const text = read(file);
      for (const code of Object.values(EXIT_CODES)) expect(text).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    }
    expect(read('docs/report.md')).toMatch(/\| 3 \| error \|/);
  });
});
