import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import type { HistoryEntry } from '../../src/serve/history-store.js';
import { exampleCluster } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { tempDir } from '../temp-dir.js';
import { validateReport } from './report-schema.js';
import { PROJECT_ROOT, runCliAsync } from './run-cli.js';

let server: FakeApiServer | undefined;
const running: (() => void)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) stop();
  await server?.close();
  server = undefined;
});

/** `bin/hctl serve ARGS --port 0`, resolved once it listens: its URL, its output so far, and its exit. */
async function startServe(args: string[], env: Record<string, string | undefined> = {}) {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/hctl'), 'serve', '--port', '0', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: '1', HCTL_CACHE_DIR: process.env.HCTL_TEST_CACHE_DIR, XDG_CONFIG_HOME: process.env.HCTL_TEST_CONFIG_HOME, ...env },
  });
  running.push(() => child.kill('SIGKILL'));
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  const seen = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(output);
        if (match) resolve(match);
        return match;
      };
      if (look()) return;
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (look()) child.stdout.off('data', onData);
      };
      child.stdout.on('data', onData);
      void exit.then(() => reject(new Error(`hctl serve exited: ${output}`)));
    });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = (await seen(/hctl serve: (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
  return { child, url, seen, exit, output: () => output };
}

describe('hctl serve', () => {
  it('the page, the report, the history and the metrics of a snapshot; read-only; SIGTERM ends it with 0', async () => {
    const history = path.join(tempDir('serve'), 'history.jsonl');
    const serve = await startServe(['--snapshot', 'examples/cluster-snapshot', '--history', history]);
    await serve.seen(/event-storm/);
    const page = await fetch(serve.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<p class="verdict critical">CRITICAL <span>7 critical, 16 warnings, 0 info</span></p>');
    expect(html).toContain('<b>Node worker-2</b>: NotReady (status Unknown)');
    expect(html).toContain('<h2>History</h2>');
    const report = (await (await fetch(`${serve.url}api/health`)).json()) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary).toMatchObject({ critical: 7, warnings: 16 });
    const entries = (await (await fetch(`${serve.url}api/history`)).json()) as HistoryEntry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]!.added).toHaveLength(23);
    const metrics = await (await fetch(`${serve.url}metrics`)).text();
    expect(metrics).toContain('\nhctl_health_status 2\n');
    expect(metrics).toContain('\nhctl_findings{domain="nodes",severity="critical"} 1\n');
    const post = await fetch(serve.url, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect((await fetch(`${serve.url}nope`)).status).toBe(404);
    const head = await fetch(`${serve.url}api/health`, { method: 'HEAD' });
    expect([head.status, await head.text(), Number(head.headers.get('content-length'))]).toEqual([200, '', Buffer.byteLength(`${JSON.stringify(report, null, 2)}\n`)]);
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('restarted on the same history, it records nothing until something changes', async () => {
    const history = path.join(tempDir('serve'), 'history.jsonl');
    for (let run = 0; run < 2; run++) {
      const serve = await startServe(['--snapshot', 'examples/cluster-snapshot', '--history', history]);
      await serve.seen(/CRITICAL/);
      serve.child.kill('SIGINT');
      expect(await serve.exit).toBe(0);
    }
    expect(readFileSync(history, 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('a live cluster: a change lands in the history and the page; a failed reading leaves the last good one, marked stale', async () => {
    const options = await exampleCluster();
    server = await startFakeApiServer(options);
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const state = tempDir('state');
    const serve = await startServe(['--kubeconfig', file, '--interval', '1', '--only', 'nodes', '--request-timeout', '2'], { ...env, XDG_STATE_HOME: state });
    await serve.seen(/history in .*\/hctl\/history\/homelab\.jsonl/);
    await serve.seen(/CRITICAL/);
    const worker2 = options.objects.Node!.find((node) => node.metadata.name === 'worker-2')!;
    worker2.status = { ...(worker2.status as object), conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: new Date().toISOString() }] };
    await serve.seen(/HEALTHY/);
    const entries = (await (await fetch(`${serve.url}api/history`)).json()) as HistoryEntry[];
    expect(entries.map((entry) => entry.status)).toEqual(['critical', 'healthy']);
    expect(entries[1]!.resolved!.map((finding) => `${finding.rule} ${finding.resource?.name}`)).toEqual(['node-not-ready worker-2']);
    await server.close();
    server = undefined;
    await serve.seen(/ERROR /);
    const html = await (await fetch(serve.url)).text();
    expect(html).toContain('<p class="verdict healthy">HEALTHY');
    expect(html).toMatch(/<p class="stale">The last reading failed: .*\(context homelab\)\. Shown: the reading before it\.<\/p>/);
    expect((await (await fetch(`${serve.url}api/health`)).json()) as Report).toMatchObject({ status: 'healthy' });
    expect(await (await fetch(`${serve.url}metrics`)).text()).toContain('\nhctl_failed_readings_total 1\n');
  });

  it('a port in use or a bad value: exit 3 with one line that says what to do', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => taken.once('listening', resolve));
    const port = (taken.address() as { port: number }).port;
    const busy = await runCliAsync(['serve', '--snapshot', 'examples/cluster-snapshot', '--port', String(port)]);
    taken.close();
    expect(busy.status).toBe(3);
    expect(busy.stderr).toBe(`hctl: cannot listen on 127.0.0.1:${port}: port ${port} is in use: choose another with --port\n`);
    const bad = await runCliAsync(['serve', '--snapshot', 'examples/cluster-snapshot', '--port', 'http']);
    expect([bad.status, bad.stderr]).toEqual([3, 'hctl: --port must be a port number (0–65535), not "http"\n']);
  });
});
