import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { kubeconfigFor, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { PROJECT_ROOT, runCliAsync } from '../cli/run-cli.js';
import { validateReport } from '../cli/report-schema.js';
import { tempDir } from '../temp-dir.js';
import { platformCluster, VCLUSTER_KUBECONFIG } from './fake-platform.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A fake platform cluster, a kubeconfig for it, an empty HOME and a GitOps repo directory. */
async function platform(options: Parameters<typeof platformCluster>[0] = {}, token = 'admin-token') {
  server = await startFakeApiServer(platformCluster(options));
  const home = tempDir('home');
  const kubeconfig = path.join(home, 'platform-kubeconfig');
  writeFileSync(kubeconfig, kubeconfigFor(server.url, { token }, 'platform'));
  const repo = tempDir('repo');
  const env = { HOME: home, KUBECONFIG: kubeconfig };
  const hctl = (...args: string[]) => runCliAsync(['vcluster', ...args, '--repo', repo], { env });
  return { server, home, repo, env, hctl };
}

const patches = (fake: FakeApiServer) => fake.requests.filter((request) => request.method === 'PATCH');

describe('hctl vcluster status', () => {
  it('Ready in the status contract: exit 0, the endpoints shown, no chain unless asked', async () => {
    const { hctl } = await platform({ phase: 'Ready' });
    const result = await hctl('status', 'dev-team-1');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('vCluster dev-team-1: Ready (from the status contract)');
    expect(result.stdout).toContain('endpoints: api https://dev-team-1.cluster.integratn.tech');
    expect(result.stdout).not.toContain('Diagnostic chain');
  });

  it('Degraded in the contract exits 2; --diagnose adds the chain as findings in JSON', async () => {
    const { hctl } = await platform({ phase: 'Degraded', argoHealth: 'Degraded' });
    const result = await hctl('status', 'dev-team-1', '--diagnose', '--format', 'json');
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    validateReport(report);
    expect(report).toMatchObject({ command: 'vcluster status', status: 'critical', details: { phase: 'Degraded', phaseFrom: 'status contract' } });
    const rules = report.findings.map((finding) => `${finding.severity} ${finding.rule}`);
    expect(rules).toEqual([
      'critical vcluster-phase',
      'warning vcluster-workplacement',
      'critical vcluster-argocd',
      'warning vcluster-resources',
      'warning vcluster-sub-apps',
      'warning vcluster-self-heal',
    ]);
    expect(report.findings.find((finding) => finding.rule === 'vcluster-resources')!.hint).toContain('2 restart(s), last OOMKilled');
  });

  it('no phase: the diagnostic chain runs as a tree, and its phase decides the exit code', async () => {
    const { hctl } = await platform({});
    const result = await hctl('status', 'dev-team-1');
    // Argo Synced+Healthy and pods ready, but a sub-app is not healthy: Progressing, not Ready.
    expect(result.status).toBe(1);
    const chain = result.stdout.slice(result.stdout.indexOf('Diagnostic chain'));
    expect(chain.split('\n').filter((line) => /^[├└]/.test(line)).map((line) => line.slice(5, line.indexOf(':')))).toEqual([
      'Request',
      'Pipeline Job',
      'Kratix Work',
      'Kratix WorkPlacement',
      'Argo CD Application',
      'Pods',
      'Control-plane resources',
      'Kubeconfig secret',
      'Sub-apps',
      'selfHeal',
    ]);
    expect(chain).toContain('✓ Pipeline Job: kratix-dev-team-1-vco-v2-configure-5f2a1 complete');
    expect(chain).toContain('! Sub-apps: 2/3 healthy');
    expect(chain).toContain('dev-team-1-gateway-api-crds: Missing, OutOfSync, last operation Failed, retry 5');
    expect(chain).toContain('dev-team-1-cert-manager: set spec.syncPolicy.automated.selfHeal: true');
    expect(result.stdout).toMatch(/^vCluster dev-team-1: Progressing \(from the diagnostic chain\)/);
  });

  it('pods under half ready make the derived phase Degraded, older than 15 minutes Failed: exit 2', async () => {
    const { hctl } = await platform({ podsReady: false });
    const result = await hctl('status', 'dev-team-1');
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^vCluster dev-team-1: Failed/);
    expect(result.stdout).toContain('✗ Pods: 0/2 ready in dev-team-1');
  });

  it('an unknown vCluster exits 2; an unreachable cluster exits 3; --wait gives up with exit 4', async () => {
    const { hctl, env, repo } = await platform({});
    const unknown = await hctl('status', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no vCluster nope');
    const unknownJson = await hctl('status', 'nope', '--format', 'json');
    expect(unknownJson.status).toBe(2);
    const report = JSON.parse(unknownJson.stdout) as Report;
    validateReport(report);
    expect(report).toMatchObject({ status: 'critical', findings: [{ rule: 'vcluster-phase', severity: 'critical' }] });
    const waited = await hctl('status', 'dev-team-1', '--wait', '--timeout', '1', '--interval', '0.2');
    expect(waited.status).toBe(4);
    expect(waited.stderr).toContain('not Ready after 1s (Progressing');
    await server!.close();
    server = undefined;
    const down = await runCliAsync(['vcluster', 'status', 'dev-team-1', '--repo', repo, '--request-timeout', '1'], { env });
    expect(down.status).toBe(3);
    expect(down.stderr).toMatch(/^hctl: cannot reach/);
  });
});

/** Runs a command line in sh, as a user's shell would. */
function shell(script: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], { env: { ...process.env, ...env, XDG_CONFIG_HOME: path.join(env.HOME!, '.config') }, cwd: PROJECT_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('hctl vcluster create --wait', () => {
  it('pushes, then follows the request until the platform says Ready', async () => {
    const { env, repo } = await platform({ phase: 'Ready' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo });
    git('init', '-q', '--bare', '-b', 'main', path.join(repo, '..', `${path.basename(repo)}.git`));
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=a@example.com', '-c', 'user.name=A', 'commit', '-q', '--allow-empty', '-m', 'init');
    git('remote', 'add', 'origin', path.join(repo, '..', `${path.basename(repo)}.git`));
    git('push', '-q', '-u', 'origin', 'main');
    const result = await runCliAsync(['vcluster', 'create', 'dev-team-1', '--repo', repo, '--auto-commit', '--wait', '--timeout', '10'], {
      env: { ...env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pushed to origin/main');
    expect(result.stdout).toContain('vCluster dev-team-1: Ready (from the status contract)');
  });
});

describe('hctl vcluster kubeconfig', () => {
  it('export KUBECONFIG=$(hctl vcluster kubeconfig NAME) works as seed 002 documents it', async () => {
    const { env, repo, home } = await platform({ phase: 'Ready' });
    const result = await shell(
      `export KUBECONFIG=$(node bin/hctl vcluster kubeconfig dev-team-1 --repo ${repo}) && echo "KUBECONFIG=$KUBECONFIG" && cat "$KUBECONFIG"`,
      env,
    );
    expect(result.status).toBe(0);
    const file = path.join(home, '.kube', 'hctl', 'dev-team-1.yaml');
    expect(result.stdout).toBe(`KUBECONFIG=${file}\n${VCLUSTER_KUBECONFIG}`);
    expect(result.stderr).toContain(`written to ${file} (from secret dev-team-1/vc-dev-team-1, key config)`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
  });

  it('prints the path alone on stdout and never the secret; a forbidden secret exits 3 and writes nothing', async () => {
    const { hctl, home } = await platform({ phase: 'Ready' });
    const result = await hctl('kubeconfig', 'dev-team-1');
    expect(result.stdout).toBe(`${path.join(home, '.kube', 'hctl', 'dev-team-1.yaml')}\n`);
    expect(result.stdout + result.stderr).not.toContain('SECRET-KEY-MATERIAL');
    await server!.close();
    const viewer = await platform({ phase: 'Ready' }, 'view-token');
    const refused = await viewer.hctl('kubeconfig', 'dev-team-1');
    expect(refused.status).toBe(3);
    expect(refused.stderr).toContain('no kubeconfig for vCluster dev-team-1');
    expect(refused.stderr).toContain('ask for get on secrets');
    expect(existsSync(path.join(viewer.home, '.kube', 'hctl'))).toBe(false);
  });

  it('tightens an existing ~/.kube/hctl to 0700', async () => {
    const { hctl, home } = await platform({ phase: 'Ready' });
    mkdirSync(path.join(home, '.kube', 'hctl'), { recursive: true, mode: 0o755 });
    expect((await hctl('kubeconfig', 'dev-team-1')).status).toBe(0);
    expect(statSync(path.join(home, '.kube', 'hctl')).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.join(home, '.kube', 'hctl'))).toEqual(['dev-team-1.yaml']);
  });
});

describe('hctl vcluster sync', () => {
  it('not on a terminal it shows the plan and changes nothing without --yes (exit 2)', async () => {
    const { hctl, server: fake } = await platform({});
    const result = await hctl('sync', 'dev-team-1');
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('sync   dev-team-1-gateway-api-crds (wave 1): last operation Failed after 5 retries; clear the failed operation first');
    expect(result.stdout).toContain('sync   dev-team-1-podinfo (wave 2): sync status OutOfSync');
    expect(result.stdout).toContain('skip   dev-team-1-cert-manager: Synced, Healthy');
    expect(result.stderr).toContain('pass --yes');
    expect(patches(fake)).toEqual([]);
  });

  it('--yes clears the failed operation, syncs the CRD app first, then the rest', async () => {
    const { hctl, server: fake } = await platform({});
    const result = await hctl('sync', 'dev-team-1', '--yes', '--settle', '0.1');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 cleared, 2 synced, 1 skipped, 0 errors');
    const base = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';
    expect(patches(fake).map(({ path: at, contentType, body }) => ({ at, contentType, body }))).toEqual([
      { at: `${base}/dev-team-1-gateway-api-crds`, contentType: 'application/json-patch+json', body: [{ op: 'remove', path: '/status/operationState' }] },
      { at: `${base}/dev-team-1-gateway-api-crds`, contentType: 'application/merge-patch+json', body: { operation: { initiatedBy: { username: 'hctl' }, sync: { revision: 'main' } } } },
      // A multi-source app syncs its own revisions.
      { at: `${base}/dev-team-1-podinfo`, contentType: 'application/merge-patch+json', body: { operation: { initiatedBy: { username: 'hctl' }, sync: {} } } },
    ]);
  });

  it('--app picks one app; --force syncs a healthy one; a user without patch rights gets exit 3', async () => {
    const { hctl, server: fake } = await platform({});
    const one = await hctl('sync', 'dev-team-1', '--app', 'dev-team-1-cert-manager', '--force', '--yes');
    expect(one.status).toBe(0);
    expect(patches(fake).map((request) => request.path.split('/').pop())).toEqual(['dev-team-1-cert-manager']);
    const unknown = await hctl('sync', 'dev-team-1', '--app', 'media-jellyfin', '--yes');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no app media-jellyfin targets vCluster dev-team-1');
    await server!.close();
    const viewer = await platform({}, 'view-token');
    const denied = await viewer.hctl('sync', 'dev-team-1', '--yes', '--settle', '0');
    expect(denied.status).toBe(3);
    expect(denied.stdout).toContain('failed dev-team-1-podinfo: 403 Forbidden');
  });
});

describe('hctl vcluster apps', () => {
  it('lists the apps deployed into the vCluster; a failed last sync makes it exit 2', async () => {
    const { hctl } = await platform({});
    const result = await hctl('apps', 'dev-team-1');
    expect(result.status).toBe(2);
    expect(result.stdout.split('\n')).toEqual([
      'APP                          SYNC       HEALTH   LAST OPERATION    SELF-HEAL',
      'dev-team-1-gateway-api-crds  OutOfSync  Missing  Failed (retry 5)  yes',
      'dev-team-1-cert-manager      Synced     Healthy  -                 no',
      'dev-team-1-podinfo           OutOfSync  Healthy  -                 yes',
      '',
    ]);
    const none = await hctl('apps', 'nobody', '--format', 'json');
    expect(none.status).toBe(0);
    expect(JSON.parse(none.stdout)).toEqual({ vcluster: 'nobody', apps: [] });
  });

  it('connect is kubeconfig under the seed\'s other name', async () => {
    const { hctl, home } = await platform({ phase: 'Ready' });
    const result = await hctl('connect', 'dev-team-1');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${path.join(home, '.kube', 'hctl', 'dev-team-1.yaml')}\n`);
  });
});

describe('hctl vcluster list', () => {
  it('joins the repo\'s requests with the cluster\'s phases', async () => {
    const { hctl, repo } = await platform({ phase: 'Ready' });
    mkdirSync(path.join(repo, 'platform', 'vclusters'), { recursive: true });
    const created = await runCliAsync(['vcluster', 'create', 'data-team', '--preset', 'prod', '--repo', repo, '--git-mode', 'generate']);
    expect(created.status).toBe(0);
    writeFileSync(path.join(repo, 'platform', 'vclusters', '00-namespace.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: platform-requests\n');
    const result = await hctl('list', '--format', 'json');
    expect(result.status).toBe(0);
    const listed = JSON.parse(result.stdout) as { vclusters: { name: string; phase?: string; inRepo: boolean; inCluster: boolean; replicas?: number }[] };
    expect(listed).toMatchObject({ clusterRead: true });
    expect(listed.vclusters.map(({ name, phase, inRepo, inCluster, replicas }) => ({ name, phase, inRepo, inCluster, replicas }))).toEqual([
      { name: 'data-team', phase: undefined, inRepo: true, inCluster: false, replicas: 3 },
      { name: 'dev-team-1', phase: 'Ready', inRepo: false, inCluster: true, replicas: undefined },
    ]);
    const text = await hctl('list');
    expect(text.stdout.split('\n')[1]).toMatch(/^data-team\s+prod\s+3\s+not applied\s+platform\/vclusters\/data-team\.yaml/);
  });
});

describe('hctl vcluster delete', () => {
  it('shows what Argo CD will prune, needs --yes off a terminal, then removes the file', async () => {
    const { hctl, repo } = await platform({ phase: 'Ready' });
    const file = path.join(repo, 'platform', 'vclusters', 'dev-team-1.yaml');
    expect((await hctl('create', 'dev-team-1', '--git-mode', 'generate')).status).toBe(0);
    const asked = await hctl('delete', 'dev-team-1', '--git-mode', 'generate');
    expect(asked.status).toBe(2);
    expect(existsSync(file)).toBe(true);
    expect(asked.stdout).toContain('Application vcluster-dev-team-1 (auto-prune on) manages 3 resource(s):');
    expect(asked.stdout).toContain('  StatefulSet dev-team-1/dev-team-1');
    expect(asked.stdout).toContain('3 app(s) deployed into the vCluster go with it: dev-team-1-gateway-api-crds, dev-team-1-cert-manager, dev-team-1-podinfo');
    const done = await hctl('delete', 'dev-team-1', '--git-mode', 'generate', '--yes');
    expect(done.status).toBe(0);
    expect(existsSync(file)).toBe(false);
  });
});
