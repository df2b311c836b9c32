import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleCluster } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { PROJECT_ROOT, runCli } from './run-cli.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `bin/hctl watch ARGS` as a user runs it, with its output readable while it runs. */
function startWatch(args: string[], env: Record<string, string | undefined> = {}): { child: ChildProcessWithoutNullStreams; output: () => string; waitFor: (text: string | RegExp) => Promise<void>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/hctl'), 'watch', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: '1', HCTL_CACHE_DIR: process.env.HCTL_TEST_CACHE_DIR, XDG_CONFIG_HOME: process.env.HCTL_TEST_CONFIG_HOME, ...env },
  });
  let stdout = '';
  const waiters: { test: (text: string) => boolean; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const waiter of waiters.splice(0)) (waiter.test(stdout) ? waiter.resolve : () => waiters.push(waiter))();
  });
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return {
    child,
    output: () => stdout,
    waitFor: (text) =>
      new Promise((resolve) => {
        const test = (current: string) => (typeof text === 'string' ? current.includes(text) : text.test(current));
        if (test(stdout)) resolve();
        else waiters.push({ test, resolve });
      }),
    exit: new Promise((resolve) => child.on('close', resolve)),
  };
}

describe('hctl watch', () => {
  it('the first reading in full, then only what changed: a node back to Ready', async () => {
    const options = await exampleCluster();
    server = await startFakeApiServer(options);
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const watch = startWatch(['--kubeconfig', file, '--interval', '1', '--cycles', '3', '--only', 'nodes,pods'], env);
    await watch.waitFor(/\+ critical  nodes +Node worker-2: NotReady/);
    const worker2 = options.objects.Node!.find((node) => node.metadata.name === 'worker-2')!;
    worker2.status = { ...(worker2.status as object), conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: new Date().toISOString() }] };
    expect(await watch.exit).toBe(2);
    const lines = watch.output().split('\n');
    expect(lines[0]).toBe('hctl watch: cluster homelab, every 1s; Ctrl-C to stop');
    expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d  CRITICAL  3 critical, \d+ warnings, 0 info$/);
    // The second reading: the node resolved, nothing else (the pods' restart counts and ages moved, but they are the same findings).
    const second = lines.findIndex((line, index) => index > 1 && /^\d\d:\d\d:\d\d  /.test(line));
    expect(lines[second]).toMatch(/^\d\d:\d\d:\d\d  CRITICAL  2 critical, \d+ warnings, 0 info$/);
    expect(lines[second + 1]).toMatch(/^  - critical  nodes +Node worker-2: NotReady .* node-not-ready$/);
    expect(lines[second + 2]).toBe('');
    // The third reading changed nothing: no line for it.
    expect(lines.filter((line) => /^\d\d:\d\d:\d\d  /.test(line))).toHaveLength(2);
  });

  it('a reading that fails is reported and retried; the exit code is the last good verdict', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const watch = startWatch(['--kubeconfig', file, '--interval', '1', '--cycles', '2', '--only', 'nodes', '--request-timeout', '2'], env);
    await watch.waitFor('CRITICAL');
    await server.close();
    server = undefined;
    expect(await watch.exit).toBe(2);
    expect(watch.output()).toMatch(/\n\d\d:\d\d:\d\d  ERROR     .*\(context homelab\); trying again in 1s\n$/);
  });

  it('Ctrl-C ends it with the last verdict, without waiting for the next reading', async () => {
    const watch = startWatch(['--snapshot', 'examples/cluster-snapshot', '--interval', '10m']);
    await watch.waitFor('event-storm');
    const stopped = Date.now();
    watch.child.kill('SIGINT');
    expect(await watch.exit).toBe(2);
    expect(Date.now() - stopped).toBeLessThan(5000);
  });

  it('--format json: one line per reading that changed something', async () => {
    const watch = startWatch(['--snapshot', 'examples/cluster-snapshot', '--interval', '1', '--cycles', '2', '-f', 'json']);
    expect(await watch.exit).toBe(2);
    const lines = watch.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    const first = JSON.parse(lines[0]!) as { status: string; summary: { critical: number }; added: unknown[]; resolved: unknown[] };
    expect(first).toMatchObject({ status: 'critical', summary: { critical: 7, warnings: 16 }, resolved: [] });
    expect(first.added).toHaveLength(23);
  });

  it('a cluster that cannot be reached at the first reading: exit 3, and with -f json a line saying so', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    await server.close();
    server = undefined;
    const watch = startWatch(['--kubeconfig', file, '--request-timeout', '2', '-f', 'json'], env);
    expect(await watch.exit).toBe(3);
    // stdout and stderr arrive through two pipes, in either order.
    const lines = watch.output().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines.find((line) => line.startsWith('{'))!)).toMatchObject({ status: 'error', error: expect.stringContaining('(context homelab)') });
    expect(lines.find((line) => line.startsWith('hctl:'))).toMatch(/^hctl: .*\(context homelab\)$/);
  });

  it('bad flags exit 3 with one line', () => {
    for (const [flag, value, message] of [
      ['--interval', '0.5', '--interval must be at least 1s'],
      ['--interval', 'soon', '--interval must be at least 1s'],
      ['--cycles', '0', '--cycles must be a whole number of readings, at least 1, not "0"'],
    ] as const) {
      const result = runCli(['watch', '--snapshot', 'examples/cluster-snapshot', flag, value]);
      expect(result.status, `${flag} ${value}`).toBe(3);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
