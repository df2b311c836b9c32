import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../../src/config/config.js';
import { UsageError } from '../../src/config/errors.js';
import { tempDir } from '../temp-dir.js';

function configDir(text: string): string {
  const dir = tempDir('cfg');
  writeFileSync(path.join(dir, '.hctl.yaml'), text);
  return dir;
}

describe('.hctl.yaml', () => {
  it('is found in the checked directory or above', () => {
    const dir = configDir('profile: no-cpu-limits\n');
    const nested = path.join(dir, 'clusters', 'home');
    mkdirSync(nested, { recursive: true });
    const config = loadConfig({ startDir: nested });
    expect(config.file).toBe(path.join(dir, '.hctl.yaml'));
    expect(config.rules.get('workload-resources')!.options.cpuLimit).toBe('forbid');
  });

  it('turns rules off, changes severities and sets options over the profile', () => {
    const config = loadConfig({
      startDir: configDir('profile: cpu-limits\nrules:\n  image-unpinned: off\n  flux-kustomization-no-wait: critical\n  workload-resources:\n    severity: info\n    cpuLimit: ignore\n'),
    });
    expect(config.rules.get('image-unpinned')!.enabled).toBe(false);
    expect(config.rules.get('flux-kustomization-no-wait')!.severity).toBe('critical');
    expect(config.rules.get('workload-resources')).toMatchObject({ severity: 'info', options: { cpuLimit: 'ignore' } });
  });

  it('a --profile flag wins over the file', () => {
    expect(loadConfig({ startDir: configDir('profile: cpu-limits\n'), profile: 'no-cpu-limits' }).profile).toBe('no-cpu-limits');
  });

  it.each([
    ['rules:\n  no-such-rule: off\n', /unknown rule "no-such-rule" \(/],
    ['rules:\n  image-unpined: off\n', /unknown rule "image-unpined"; did you mean image-unpinned\?/],
    ['profile: strictest\n', /unknown profile "strictest"/],
    ['rules:\n  workload-resources:\n    cpuLimit: sometimes\n', /cpuLimit must be ignore \| require \| forbid/],
    ['rules:\n  workload-resources:\n    colour: red\n', /has no option "colour"/],
    ['suppressions:\n  - rule: image-unpinned\n    files: a.yaml\n', /:2:5: suppressions\[0\] must have required property 'reason'$/],
    ['rules: [\n', /:1:/],
    ['unknown: 1\n', /:1:1: the config has an unknown field "unknown"$/],
  ])('rejects %j with a message that says where', (text, message) => {
    const dir = configDir(text);
    expect(() => loadConfig({ startDir: dir })).toThrow(UsageError);
    expect(() => loadConfig({ startDir: dir })).toThrow(message);
  });

  it('without a file, uses the default profile', () => {
    const config = defaultConfig();
    expect(config.profile).toBe('default');
    expect(config.rules.get('workload-resources')!.options.cpuLimit).toBe('ignore');
  });
});
