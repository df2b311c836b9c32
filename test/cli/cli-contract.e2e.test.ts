import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { tempDir } from '../temp-dir.js';
import { runCli } from './run-cli.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the CLI contract', () => {
  it('--version and --help succeed', () => {
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('check');
    expect(runCli(['check', '--help']).stdout.replace(/\s+/g, ' ')).toContain('exit 0 GO, 1 warnings only, 2 NO-GO, 3 could not run');
  });

  it('a checkout that was never built says how to build it, not a module stack trace', () => {
    const checkout = tempDir('unbuilt');
    mkdirSync(path.join(checkout, 'bin'));
    copyFileSync(new URL('../../bin/hctl', import.meta.url), path.join(checkout, 'bin', 'hctl'));
    const result = spawnSync(process.execPath, [path.join(checkout, 'bin', 'hctl'), 'check', '.'], { encoding: 'utf8' });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(`hctl is not built yet: run \`npm ci\` (or \`npm run build\`) in ${checkout}${path.sep}\n`);
  });

  it('a checkout built by tsc but not bundled says how to build it too', () => {
    const checkout = tempDir('unbundled');
    const project = new URL('../../', import.meta.url);
    for (const file of ['bin/hctl', 'dist/cli/bundle-loader.js', 'dist/cache/cache-dir.js', 'dist/fs/write-atomically.js']) {
      mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
      copyFileSync(new URL(file, project), path.join(checkout, file));
    }
    writeFileSync(path.join(checkout, 'package.json'), '{"type": "module"}\n');
    const result = spawnSync(process.execPath, [path.join(checkout, 'bin', 'hctl'), 'check', '.'], { encoding: 'utf8' });
    expect(result.stderr).toBe(`hctl is not built yet: run \`npm ci\` (or \`npm run build\`) in ${checkout}${path.sep}\n`);
    expect(result.status).toBe(3);
  });

  it('a missing path exits 3 with one clear line and no stack trace', () => {
    const result = runCli(['check', 'no/such/dir']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl check: cannot check no/such/dir: no such file or directory\n');
    expect(result.stdout).toBe('');
  });

  it('a directory without manifests exits 3 rather than a hollow GO', () => {
    const result = runCli(['check', tempDir('empty')]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/nothing to check in .*: no \.yaml, \.yml or Kubernetes \.json files/);
  });

  it('a single file that is not YAML or JSON exits 3 instead of being parsed as YAML', () => {
    const result = runCli(['check', 'README.md']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl check: cannot check README.md: not a .yaml, .yml or .json file\n');
  });

  it('a missing path with --format json still prints a JSON report with status error', () => {
    const result = runCli(['check', 'no/such/dir', '--format', 'json']);
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'error', issues: ['cannot check no/such/dir: no such file or directory'] });
  });

  it('bad flags and bad values exit 3', () => {
    const unknown = runCli(['check', '--no-such-flag']);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toBe("hctl: unknown option '--no-such-flag' (see hctl --help)\n");
    const badFormat = runCli(['check', '.', '--format', 'xml']);
    expect(badFormat.status).toBe(3);
    expect(badFormat.stderr).toMatch(/format/);
    expect(runCli(['no-such-command']).status).toBe(3);
  });

  it('a broken .hctl.yaml exits 3 naming the file and line', () => {
    const dir = tempDir('config');
    writeFileSync(path.join(dir, '.hctl.yaml'), 'profile: default\nrules:\n  image-unpinned: loud\n');
    const result = runCli(['check', dir]);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`${path.join(dir, '.hctl.yaml')}:3:19`);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('--list-rules lists every rule', () => {
    const result = runCli(['check', '--list-rules']);
    expect(result.status).toBe(0);
    for (const rule of RULES) expect(result.stdout).toContain(rule.meta.id);
    const json = JSON.parse(runCli(['check', '--list-rules', '--format', 'json']).stdout) as { id: string; docs: string }[];
    expect(json.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.meta.id));
  });

  it('explain prints the rule page; an unknown rule exits 3', () => {
    const result = runCli(['explain', 'netpol-allow-all-rule']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('# netpol-allow-all-rule');
    expect(runCli(['explain', 'nope']).status).toBe(3);
    expect(runCli(['explain', 'schema-invalide']).stderr).toBe('hctl: unknown rule "schema-invalide"; did you mean schema-invalid? (hctl check --list-rules and hctl health --list-rules show them all)\n');
  });

  it('--output writes the report to a file', () => {
    const file = path.join(tempDir('out'), 'report.sarif');
    const result = runCli(['check', 'examples/argocd-homelab', '--format', 'sarif', '--output', file]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('--format junit and markdown report the same findings, with the same exit code', () => {
    const json = JSON.parse(runCli(['check', 'examples/flux-homelab', '--format', 'json']).stdout) as { findings: { severity: string }[] };
    const junit = runCli(['check', 'examples/flux-homelab', '--format', 'junit']);
    expect(junit.status).toBe(2);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout.match(/<testcase /g)).toHaveLength(json.findings.length);
    expect(junit.stdout.match(/<failure /g)).toHaveLength(json.findings.filter((finding) => finding.severity !== 'info').length);
    const markdown = runCli(['check', 'examples/flux-homelab', '--format', 'markdown']);
    expect(markdown.status).toBe(2);
    expect(markdown.stdout).toMatch(/^## hctl check `examples\/flux-homelab`: ❌ NO-GO\n/);
    expect(markdown.stdout.match(/^- /gm)).toHaveLength(json.findings.length);
  });

  it('an --output that cannot be written exits 3 saying why, not as an internal error', () => {
    const file = path.join(tempDir('out'), 'no-such-dir', 'report.json');
    for (const format of ['text', 'json']) {
      const result = runCli(['check', 'examples/flux-homelab', '--format', format, '--output', file]);
      expect(result.status).toBe(3);
      expect(result.stderr).toBe(`hctl check: cannot write --output ${file}: no such file or directory\n`);
    }
  });
});

describe('SARIF', () => {
  it('is SARIF 2.1.0 with a region on every result and the rules that produced them', () => {
    const sarif = JSON.parse(runCli(['check', 'examples/flux-homelab', '--format', 'sarif']).stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.results).toHaveLength(19);
    for (const result of run!.results) {
      expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    const secret = run!.results.find((result) => result.ruleId === 'secret-plaintext')!;
    expect(secret.level).toBe('error');
    expect(secret.locations[0]!.physicalLocation).toEqual({
      // URIs start at the Git repository root, where code-scanning services resolve them.
      artifactLocation: { uri: 'examples/flux-homelab/apps/home/home-assistant/mqtt-secret.yaml', uriBaseId: 'SRCROOT' },
      region: { startLine: 7, startColumn: 1 },
    });
  });
});

describe('schemas from outside the repo', () => {
  it('--schema-dir turns an unverified custom resource into a validated one', () => {
    const repo = tempDir('repo');
    writeFileSync(path.join(repo, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  colour: blue\n');
    writeFileSync(path.join(repo, 'gadgets.yaml'), ['g1', 'g2'].map((name) => `apiVersion: example.com/v1\nkind: Gadget\nmetadata:\n  name: ${name}\n`).join('---\n'));
    const before = JSON.parse(runCli(['check', repo, '--format', 'json']).stdout) as { details: { inventory: { unverified: number; unverifiedKinds: Record<string, number> } } };
    expect(before.details.inventory).toMatchObject({ unverified: 3, unverifiedKinds: { 'example.com/v1/Gadget': 2, 'example.com/v1/Widget': 1 } });
    // The text summary says which CRDs are missing and how to get them.
    expect(runCli(['check', repo]).stdout).toContain(`No schema for example.com/v1/Gadget ×2, example.com/v1/Widget ×1: commit their CRDs, or save them from the cluster with \`hctl schemas pull -o DIR --for ${repo}\` and check with --schema-dir DIR`);
    rmSync(path.join(repo, 'gadgets.yaml'));

    const schemas = tempDir('schemas');
    mkdirSync(path.join(schemas, 'example.com'));
    writeFileSync(path.join(schemas, 'example.com', 'widget_v1.json'), JSON.stringify({ type: 'object', properties: { spec: { type: 'object', properties: { color: { type: 'string' } } } } }));
    const after = runCli(['check', repo, '--schema-dir', schemas, '--format', 'json']);
    const report = JSON.parse(after.stdout) as { details: { inventory: { validated: number } }; findings: { message: string; hint: string }[] };
    expect(report.details.inventory.validated).toBe(1);
    expect(report.findings.map((finding) => finding.message)).toEqual(['unknown field spec.colour']);
    expect(report.findings[0]!.hint).toMatch(/^Did you mean color\?/);
  });
});

describe('this repository in Argo CD Applications', () => {
  it('--repo-url makes Application source paths checked', () => {
    const repo = tempDir('argo');
    mkdirSync(path.join(repo, 'apps', 'n8n'), { recursive: true });
    writeFileSync(path.join(repo, 'apps', 'n8n', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: n8n\n  namespace: n8n\n');
    writeFileSync(
      path.join(repo, 'app.yaml'),
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: n8n\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: git@github.com:me/homelab.git\n    targetRevision: main\n    path: apps/n8m\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: n8n\n  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n',
    );
    const rules = (args: string[]) => (JSON.parse(runCli(['check', repo, '--format', 'json', ...args]).stdout) as { findings: { rule: string; hint: string }[] }).findings.filter((finding) => finding.rule === 'argocd-path-missing');
    expect(rules([])).toEqual([]);
    const findings = rules(['--repo-url', 'https://github.com/me/homelab']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.hint).toMatch(/^Did you mean apps\/n8n\?/);
  });
});

describe('hctl render', () => {
  it('prints the build of a kustomization directory as YAML', () => {
    const result = runCli(['render', 'examples/flux-homelab/apps/home/home-assistant']);
    expect(result.status).toBe(0);
    const documents = result.stdout.split(/^---$/m);
    expect(documents).toHaveLength(4);
    expect(result.stdout.match(/^ {2}namespace: home$/gm)).toHaveLength(4);
  });

  it('prints what kustomize reads as strings so that kubectl apply -f - reads them as strings too', () => {
    const repo = tempDir('render');
    writeFileSync(path.join(repo, 'kustomization.yaml'), 'resources:\n  - configmap.yaml\n');
    writeFileSync(path.join(repo, 'configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  debug: off\n  quoted: "on"\n  mode: "0755"\n  enabled: true\n');
    const result = runCli(['render', repo]);
    expect(result.stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  debug: "off"\n  quoted: "on"\n  mode: "0755"\n  enabled: true\n');
  });

  it('a directory without a kustomization exits 3 with one line', () => {
    const result = runCli(['render', 'examples']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl: cannot render examples: no kustomization.yaml there\n');
  });

  it('a kustomization kustomize cannot decode, or an entry that fails, exits 3 naming its line', () => {
    const repo = tempDir('render');
    mkdirSync(path.join(repo, 'app'));
    writeFileSync(path.join(repo, 'app', 'kustomization.yaml'), 'namespace: [a]\n');
    expect(runCli(['render', path.join(repo, 'app')])).toMatchObject({ status: 3, stdout: '', stderr: `hctl: cannot render ${path.join(repo, 'app')}: invalid Kustomization: namespace must be string, not array at app/kustomization.yaml:1:12\n` });
    writeFileSync(path.join(repo, 'app', 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    expect(runCli(['render', path.join(repo, 'app')]).stderr).toMatch(/: missing\.yaml does not exist .* at app\/kustomization\.yaml:2:5\n$/);
  });
});
