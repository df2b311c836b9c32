import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { runRules } from '../../../src/engine/run-rules.js';
import { loadRepo } from '../../../src/repo/load.js';
import rule from '../../../src/rules/repo/file-skipped.js';
import { tempDir } from '../../temp-dir.js';

// Skips need real files (binary content, bad UTF-8, symlinks), so this rule is tested on disk.
async function findingsFor(setup: (dir: string) => Promise<void>) {
  const dir = tempDir('skip');
  await setup(dir);
  const repo = loadRepo(dir);
  return runRules(repo, { config: defaultConfig(), root: dir, rules: [rule] });
}

describe('file-skipped', () => {
  it('valid: readable YAML is not reported', async () => {
    expect(await findingsFor((dir) => writeFile(path.join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\n'))).toEqual([]);
  });

  it('invalid: binary, non-UTF-8 and looping files are reported with their reason', async () => {
    const findings = await findingsFor(async (dir) => {
      await writeFile(path.join(dir, 'binary.yaml'), Buffer.from([0x61, 0x00, 0x62]));
      await writeFile(path.join(dir, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
      await mkdir(path.join(dir, 'loop'));
      await symlink('..', path.join(dir, 'loop', 'parent'));
      await symlink('missing.yaml', path.join(dir, 'dangling.yaml'));
    });
    const byFile = Object.fromEntries(findings.map((finding) => [finding.location!.file, finding.message]));
    expect(byFile['binary.yaml']).toMatch(/binary/);
    expect(byFile['latin1.yaml']).toMatch(/UTF-8/);
    expect(byFile['loop/parent']).toMatch(/symlink loop/);
    expect(byFile['dangling.yaml']).toMatch(/dangling symlink/);
    expect(findings.every((finding) => finding.severity === 'warning' && finding.location!.line === 1)).toBe(true);
  });

  it('invalid: a file over 5 MB is skipped, not parsed', async () => {
    const findings = await findingsFor((dir) => writeFile(path.join(dir, 'huge.yaml'), `data: "${'x'.repeat(5 * 1024 * 1024)}"\n`));
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/larger than 5 MB/)]);
  });
});
