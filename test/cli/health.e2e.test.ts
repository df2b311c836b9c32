import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import type { Report } from '../../src/report/report.js';
import { exampleCluster, TLS_KEY_BASE64, VIEW_ROLE_FORBIDDEN } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { tempDir } from '../temp-dir.js';
import { runCli, runCliAsync } from './run-cli.js';
import { validateReport } from './report-schema.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const named = (findings: Finding[], rule: string) => findings.filter((finding) => finding.rule === rule).map((finding) => `${finding.resource?.kind} ${finding.resource?.name}`);

describe('hctl health against an API server', () => {
  it('a crash-looping pod, a NotReady node and a failing Kustomization: exit 2, each named', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['health', '--kubeconfig', file, '--format', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report).toMatchObject({ command: 'health', status: 'critical', details: { context: 'homelab', source: { type: 'cluster' } } });
    expect(named(report.findings, 'pod-crash-looping')).toEqual(['Pod sonarr-7d9c6b5f4-x2x8q']);
    expect(named(report.findings, 'node-not-ready')).toEqual(['Node worker-2']);
    expect(named(report.findings, 'flux-not-ready')).toEqual(['Kustomization apps']);
    expect((report.details as { requests: number }).requests).toBe(server.requests.length);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('as a user bound to view (nodes forbidden): a verdict, with the forbidden parts listed', async () => {
    server = await startFakeApiServer(await exampleCluster({ tokens: { viewer: { forbidden: VIEW_ROLE_FORBIDDEN } } }));
    const { file, env } = kubeconfigFile(server.url, 'viewer');
    const result = await runCliAsync(['health', '--kubeconfig', file], { env });
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/skipped: forbidden — not allowed to list nodes: nodes is forbidden/);
    expect(result.stdout).toContain('pod-crash-looping');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('CRITICAL');
  });

  it('--only and --skip choose domains, and what they leave out is not read', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['health', '--kubeconfig', file, '--only', 'nodes,flux', '--skip', 'flux', '-f', 'json'], { env });
    const report = JSON.parse(result.stdout) as Report;
    expect(Object.keys(report.details.domains as object)).toEqual(['nodes']);
    expect(new Set(report.findings.map((finding) => finding.domain))).toEqual(new Set(['nodes']));
    // Pods too: node-headroom counts what runs on each node. No Flux kinds.
    expect(server.requests.map((request) => request.path.split('?')[0]).sort()).toEqual(['/api/v1/nodes', '/api/v1/pods', '/apis', '/version']);
  });

  it('an unreachable server exits 3 within the timeout, with one line', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { file, env } = kubeconfigFile(`https://127.0.0.1:${(silent.address() as AddressInfo).port}`, 'x');
    const result = await runCliAsync(['health', '--kubeconfig', file, '--request-timeout', '1'], { env });
    silent.close();
    expect(result.status).toBe(3);
    expect(result.ms).toBeLessThan(5000);
    expect(result.stderr).toMatch(/^hctl health: no answer from https:\/\/127\.0\.0\.1:\d+ within 1s \(GET \/version\) \(context homelab\)\n$/);
  });

  it('rejected credentials exit 3', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'stolen');
    const result = await runCliAsync(['health', '--kubeconfig', file, '-f', 'json'], { env });
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'error' });
    expect(result.stderr).toMatch(/rejected the credentials \(401 Unauthorized\)/);
  });

  it('no kubeconfig anywhere exits 3 instead of trying localhost:8080', () => {
    const home = tempDir('home');
    const result = runCli(['health'], { env: { HOME: home, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '' } });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl health: no kubeconfig: pass --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config (hctl health --snapshot DIR works without a cluster)\n');
  });

  it('hctl snapshot saves what health reads without Secret data, and health judges it offline the same way', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const dir = path.join(tempDir('snap'), 'snapshot');
    const saved = await runCliAsync(['snapshot', '--kubeconfig', file, '-o', dir], { env });
    expect(saved.status).toBe(0);
    expect(saved.stderr).toMatch(/^hctl snapshot: \d+ objects from homelab in \d+ files under .* \(\d+ API requests\)\n$/);
    const everything = readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8')).join('\n');
    expect(everything).not.toContain(TLS_KEY_BASE64.slice(0, 40));
    expect(everything).not.toContain('aHVudGVyMg==');
    const live = JSON.parse((await runCliAsync(['health', '--kubeconfig', file, '-f', 'json'], { env })).stdout) as Report;
    const offline = runCli(['health', '--snapshot', dir, '-f', 'json']);
    expect(offline.status).toBe(2);
    const strip = (report: Report) => report.findings.map(({ rule, resource, severity }) => ({ rule, resource, severity }));
    // Ages are measured from when each was read, a moment apart; the findings are the same.
    expect(strip(JSON.parse(offline.stdout) as Report)).toEqual(strip(live));
  });
});

describe('hctl health --snapshot on the bundled example', () => {
  it('exits 2 and reports by domain, in text and JSON', () => {
    const text = runCli(['health', '--snapshot', 'examples/cluster-snapshot']);
    expect(text.status).toBe(2);
    expect(text.stdout).toMatch(/^nodes +critical +3 checked, 1 critical, 0 warnings$/m);
    expect(text.stdout).toMatch(/^argocd +not installed$/m);
    const json = runCli(['health', '--snapshot', 'examples/cluster-snapshot', '--format', 'json']);
    const report = JSON.parse(json.stdout) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary).toMatchObject({ critical: 7, warnings: 16 });
    expect(report.findings.every((finding) => finding.resource?.kind && finding.domain)).toBe(true);
  });

  it('in JUnit XML: a suite per domain, a failing case per finding, a passing or skipped case for each quiet domain; and in Markdown', () => {
    const junit = runCli(['health', '--snapshot', 'examples/cluster-snapshot', '--format', 'junit']);
    expect(junit.status).toBe(2);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout).toMatch(/<testsuites name="hctl health" tests="24" failures="23" errors="0" skipped="1"/);
    expect(junit.stdout).toContain('<testsuite name="nodes" tests="1" failures="1"');
    expect(junit.stdout).toContain('<testcase classname="hctl.health" name="argocd: not installed">');
    const markdown = runCli(['health', '--snapshot', 'examples/cluster-snapshot', '--format', 'markdown']);
    expect(markdown.status).toBe(2);
    expect(markdown.stdout).toMatch(/^## hctl health `.*cluster-snapshot`: ❌ CRITICAL\n\n\*\*7 critical, 16 warnings, 0 info\*\*\n/);
    expect(markdown.stdout).toContain('\n#### nodes\n\n- 🔴 **critical** Node worker-2: NotReady');
    expect(markdown.stdout).toContain('| nodes | ❌ critical | 3 | 1 | 0 |');
    expect(markdown.stdout).toContain('| argocd | not installed | | | |');
  });

  it('a directory that is not a snapshot exits 3 with one line', () => {
    const result = runCli(['health', '--snapshot', 'examples']);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl health: examples is not an hctl snapshot: it has no snapshot.json (make one with hctl snapshot -o examples)\n');
  });

  it('an unknown domain is a usage error', () => {
    const result = runCli(['health', '--snapshot', 'examples/cluster-snapshot', '--only', 'dns']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/--only: unknown domain "dns"/);
  });
});
