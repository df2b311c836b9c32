import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import { exampleCluster } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { repoDir } from '../temp-dir.js';
import { PROJECT_ROOT } from './run-cli.js';

let client: Client | undefined;
let server: FakeApiServer | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

/** Starts `bin/hctl mcp ARGS` as an MCP client (an agent) would, and connects to it over stdio. */
async function connect(args: string[], env: Record<string, string | undefined> = {}): Promise<Client> {
  const merged = { ...process.env, HCTL_CACHE_DIR: process.env.HCTL_TEST_CACHE_DIR, XDG_CONFIG_HOME: process.env.HCTL_TEST_CONFIG_HOME, ...env };
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [path.join(PROJECT_ROOT, 'bin/hctl'), 'mcp', ...args],
    cwd: PROJECT_ROOT,
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stderr: 'pipe',
  });
  client = new Client({ name: 'hctl-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Calls a tool and returns its text and whether it is an error. */
async function call(name: string, args: Record<string, unknown> = {}): Promise<{ text: string; isError: boolean }> {
  const result = (await client!.callTool({ name, arguments: args })) as { content: { type: string; text: string }[]; isError?: boolean };
  return { text: result.content.map((part) => part.text).join('\n'), isError: result.isError === true };
}

const SNAPSHOT = ['--snapshot', 'examples/cluster-snapshot'];

const REPO = {
  'apps/media/transmission.yaml': `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: transmission
  namespace: media
spec:
  selector:
    matchLabels: {app: transmission}
  template:
    metadata:
      labels: {app: transmission}
    spec:
      containers:
        - name: transmission
          image: linuxserver/transmission:4.0.6
`,
  'apps/media/jellyfin.yaml': `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: jellyfin
  namespace: media
spec:
  interval: 30m
  retryInterval: 5m
  chart:
    spec:
      chart: jellyfin
      version: 2.1.0
      sourceRef: {kind: HelmRepository, name: jellyfin, namespace: flux-system}
`,
  'apps/home/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: home
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:latest
          resources: {requests: {cpu: 10m, memory: 64Mi}, limits: {memory: 64Mi}}
`,
};

describe('hctl mcp: the tools an agent sees', () => {
  it('seven tools, all read-only, each input described', async () => {
    await connect(SNAPSHOT);
    const { tools } = await client!.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['check_repo', 'cluster_health', 'debug_pod', 'netpol', 'render_kustomization', 'list_rules', 'explain_rule']);
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, destructiveHint: false });
      for (const [name, property] of Object.entries(tool.inputSchema.properties ?? {})) expect((property as { description?: string }).description, `${tool.name}.${name}`).toBeTruthy();
    }
    expect(tools.find((tool) => tool.name === 'check_repo')!.inputSchema.required).toEqual(['path']);
    expect(tools.find((tool) => tool.name === 'cluster_health')!.annotations!.openWorldHint).toBe(true);
    expect(client!.getInstructions()).toContain('check_repo');
  });
});

describe('hctl mcp: check_repo', () => {
  it('the verdict and counts first, then the findings most severe first at file:line, a page at a time', async () => {
    const repo = repoDir('mcp-check', REPO);
    await connect(SNAPSHOT);
    const first = await call('check_repo', { path: repo, limit: 2 });
    expect(first.isError).toBe(false);
    const lines = first.text.split('\n');
    expect(lines[0]).toBe('NO-GO: 2 critical, 1 warning, 1 info');
    expect(lines[1]).toMatch(/^Checked 3 files: 3 documents/);
    expect(first.text).toContain('apps/media/jellyfin.yaml\n  8:3 critical HelmRelease media/jellyfin: unknown field spec.retryInterval [schema-invalid]\n    hint: ');
    expect(first.text).toContain('apps/media/transmission.yaml\n  1:13 critical Deployment media/transmission: extensions/v1beta1 Deployment was removed in Kubernetes 1.16');
    expect(first.text).not.toContain(' warning ');
    const more = /More: call again with offset (\d+)\./.exec(first.text);
    expect(more?.[1]).toBe('2');
    const second = await call('check_repo', { path: repo, limit: 2, offset: 2 });
    expect(second.text).toContain('apps/home/web.yaml\n  15:18 warning Deployment home/web: Image nginx:latest of web uses the :latest tag [image-unpinned]\n');
    expect(second.text).toContain('Findings 3–3 of 3 matching (warning and above; 4 in all).');
    // The inventory is on the first page only.
    expect(second.text).not.toContain('Checked 3 files');
  });

  it('narrowed to a directory or a rule; the counts still cover the whole repository', async () => {
    const repo = repoDir('mcp-check-filter', REPO);
    await connect(SNAPSHOT);
    const within = await call('check_repo', { path: repo, within: 'apps/home', min_severity: 'info' });
    expect(within.text.split('\n')[0]).toMatch(/^NO-GO: 2 critical/);
    expect(within.text).not.toContain('apps/media/');
    expect(within.text).toContain('apps/home/web.yaml');
    expect(within.text).toMatch(/Findings 1–\d+ of \d+ matching \(under apps\/home; \d+ in all\)\./);
    const rule = await call('check_repo', { path: repo, rule: 'deprecated-api', format: 'json' });
    const page = JSON.parse(rule.text) as { verdict: string; matching: number; findings: { rule: string; location: { file: string; line: number } }[] };
    expect(page).toMatchObject({ verdict: 'NO-GO', matching: 1 });
    expect(page.findings.map((finding) => `${finding.rule} ${finding.location.file}:${finding.location.line}`)).toEqual(['deprecated-api apps/media/transmission.yaml:1']);
  });

  it('judges the files as they are now: a fix shows on the next first page', async () => {
    const repo = repoDir('mcp-check-fix', { 'apps/media/transmission.yaml': REPO['apps/media/transmission.yaml'] });
    await connect(SNAPSHOT);
    expect((await call('check_repo', { path: repo })).text.split('\n')[0]).toMatch(/^NO-GO: 1 critical/);
    writeFileSync(path.join(repo, 'apps/media/transmission.yaml'), REPO['apps/media/transmission.yaml'].replace('extensions/v1beta1', 'apps/v1'));
    expect((await call('check_repo', { path: repo })).text.split('\n')[0]).toMatch(/^GO(, with warnings)?: 0 critical/);
  });

  it('a path that does not exist is a tool error that says so, and the server keeps serving', async () => {
    await connect(SNAPSHOT);
    expect(await call('check_repo', { path: '/nonexistent/repo' })).toEqual({ isError: true, text: 'check_repo: cannot check /nonexistent/repo: no such file or directory' });
    expect((await call('list_rules', { of: 'check' })).text).toContain('deprecated-api');
  });
});

describe('hctl mcp: the cluster tools on a snapshot', () => {
  it('cluster_health: the verdict, the domains and the findings of `hctl health`', async () => {
    await connect(SNAPSHOT);
    const health = await call('cluster_health', { limit: 100 });
    const lines = health.text.split('\n');
    expect(lines[0]).toBe('CRITICAL: 7 critical, 16 warnings, 0 info');
    expect(lines[1]).toMatch(/^Domains: nodes critical \(3 checked, 1 critical, 0 warnings\); pods critical/);
    expect(health.text).toContain('nodes\n  critical Node worker-2: NotReady (status Unknown) for 2h15m');
    expect(health.text).toContain('Findings 1–23 of 23 matching (warning and above; 23 in all).');
    expect(health.text).not.toContain('More:');
    const nodes = await call('cluster_health', { domain: 'nodes', format: 'json' });
    const page = JSON.parse(nodes.text) as { status: string; matching: number; findings: { rule: string }[] };
    expect(page).toMatchObject({ status: 'critical', matching: 1, findings: [{ rule: 'node-not-ready' }] });
  });

  it('debug_pod and netpol: the deep dives as the CLI prints them', async () => {
    await connect(SNAPSHOT);
    const pod = await call('debug_pod', { pod: 'media/sonarr' });
    expect(pod.text).toContain('Pod       media/sonarr-7d9c6b5f4-x2x8q (the one pod named sonarr-…)');
    expect(pod.text).toContain('GitOps    Kustomization flux-system/apps (Ready False: BuildFailed');
    expect(pod.text.trimEnd().split('\n').at(-1)).toBe('CRITICAL');
    const netpol = await call('netpol', { namespace: 'media' });
    expect(netpol.text).toContain('  radarr  7878→http/TCP blocked');
    expect(netpol.text.trimEnd().split('\n').at(-1)).toBe('WARNING');
    expect(await call('debug_pod', { pod: 'media/nope' })).toMatchObject({ isError: true, text: expect.stringContaining('pod media/nope not found; pods in media: jellyfin-') });
    expect(await call('cluster_health', { context: 'other' })).toMatchObject({ isError: true, text: expect.stringContaining('this server reads the snapshot examples/cluster-snapshot, not a cluster') });
  });
});

describe('hctl mcp: the cluster tools against an API server', () => {
  const sonarrSecret: LiveObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sonarr-secret', namespace: 'media' }, type: 'Opaque', data: { 'api-key': 'c3VwZXItc2VjcmV0LWtleQ==' } };

  it('reads once per first page: the next page comes from the same reading, with no request; no Secret value ever shows', async () => {
    const options = await exampleCluster();
    options.objects.Secret!.push(sonarrSecret);
    options.logs = { 'media/sonarr-7d9c6b5f4-x2x8q/sonarr': '[Fatal] ConsoleApp: EPIC FAIL!\n' };
    server = await startFakeApiServer(options);
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    await connect(['--kubeconfig', file], env);
    const first = await call('cluster_health', { limit: 3 });
    expect(first.text.split('\n')[0]).toMatch(/^CRITICAL: \d+ critical/);
    expect(first.text).toContain('More: call again with offset 3.');
    const requests = server.requests.length;
    const second = await call('cluster_health', { limit: 3, offset: 3 });
    expect(second.text).toMatch(/Findings 4–6 of \d+/);
    expect(server.requests.length).toBe(requests);
    const pod = await call('debug_pod', { pod: 'media/sonarr', tail_lines: 5 });
    expect(pod.text).toContain('[Fatal] ConsoleApp: EPIC FAIL!');
    expect(pod.text).toContain('Secret sonarr-secret key api-key');
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
    for (const text of [first.text, second.text, pod.text, (await call('debug_pod', { pod: 'media/sonarr', format: 'json' })).text]) {
      expect(text).not.toContain('c3VwZXItc2VjcmV0LWtleQ==');
      expect(text).not.toContain('super-secret-key');
    }
  });

  it('a cluster that cannot be reached: a tool error that names the context', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    await server.close();
    server = undefined;
    await connect(['--kubeconfig', file, '--request-timeout', '2'], env);
    const result = await call('cluster_health');
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/^cluster_health: .*\(context homelab\)$/);
  });
});

describe('hctl mcp: rules and renders', () => {
  it('explain_rule returns the rule page; an unknown id suggests the nearest', async () => {
    await connect(SNAPSHOT);
    const page = await call('explain_rule', { rule: 'netpol-allow-all-rule' });
    expect(page.text).toMatch(/^# netpol-allow-all-rule/);
    expect(page.text).toContain('## Why');
    expect(await call('explain_rule', { rule: 'netpol-allow-all' })).toMatchObject({ isError: true, text: expect.stringContaining('did you mean netpol-allow-all-rule?') });
    const rules = (await call('list_rules')).text;
    expect(rules).toContain('check_repo rules:');
    expect(rules).toContain('cluster_health checks:');
    expect(rules).toMatch(/\nnode-not-ready +critical +nodes /);
  });

  it('render_kustomization: the build as YAML, by kind, a page at a time', async () => {
    const repo = repoDir('mcp-render', {
      'kustomization.yaml': 'namespace: media\nnamePrefix: home-\nresources: [a.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [TZ=UTC]\n',
      'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b}\nspec: {ports: [{port: 81}]}\n',
    });
    await connect(SNAPSHOT);
    const services = await call('render_kustomization', { path: repo, kind: 'Service', limit: 1 });
    expect(services.text).toContain(`${repo} builds 2 Service objects (3 in all); objects 1–1:`);
    expect(services.text).toContain('name: home-a\n  namespace: media');
    expect(services.text).toContain('More: call again with offset 1.');
    const all = await call('render_kustomization', { path: repo });
    expect(all.text).toMatch(/name: home-settings-[a-z0-9]{10}/);
    expect(all.text).not.toContain('More:');
    expect(await call('render_kustomization', { path: path.join(repo, 'missing') })).toMatchObject({ isError: true, text: expect.stringContaining('no kustomization.yaml there') });
  });

  it('input outside a tool schema is refused before anything runs', async () => {
    await connect(SNAPSHOT);
    const result = await call('check_repo', { path: '.', limit: 100000 });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('limit');
  });
});

describe('hctl mcp: the process', () => {
  it('writes only JSON-RPC to stdout, and exits 0 when the client closes its input', async () => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/hctl'), 'mcp', ...SNAPSHOT], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HCTL_CACHE_DIR: process.env.HCTL_TEST_CACHE_DIR, XDG_CONFIG_HOME: process.env.HCTL_TEST_CONFIG_HOME },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
    child.stdin.end(`${JSON.stringify(initialize)}\n${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n${JSON.stringify(list)}\n`);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(0);
    const messages = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: number; result: Record<string, unknown> });
    expect(messages.map((message) => message.id)).toEqual([1, 2]);
    expect(messages[0]!.result).toMatchObject({ serverInfo: { name: 'hctl' }, capabilities: { tools: {} } });
    expect((messages[1]!.result.tools as unknown[]).length).toBe(7);
  });
});
