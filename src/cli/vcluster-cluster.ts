import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import type { ApiClient } from '../cluster/api-client.js';
import type { ResolvedConfig } from '../config/config.js';
import { RefusedError, TimeoutError, UsageError } from '../config/errors.js';
import { GIT_MODES } from '../config/platform.js';
import type { Finding } from '../report/finding.js';
import { buildReport, errorReport } from '../report/report.js';
import { commitMessage, describeGit, gitAction } from '../vcluster/create.js';
import { planGit, pushRecovery, recordChange } from '../vcluster/git-flow.js';
import { findKubeconfig } from '../vcluster/kubeconfig-secret.js';
import { listVClusters, repoRequests } from '../vcluster/list.js';
import { getObject, isMissing, listObjects, openReader, openWriter, paths, type ConnectFlags } from '../vcluster/platform-api.js';
import { promptIfTerminal } from '../vcluster/prompter.js';
import { prunePreview } from '../vcluster/prune-preview.js';
import { requestFile, resolveRepo } from '../vcluster/repo-dir.js';
import { readVClusterStatus, renderStatusText, statusReport, type VClusterStatus } from '../vcluster/status.js';
import { planSync, runSync } from '../vcluster/sync.js';
import { defaultKubeconfigPath, writeKubeconfig } from '../vcluster/write-kubeconfig.js';
import { VERSION } from './package-info.js';

interface RepoFlags {
  repo?: string;
  config?: string;
}

type Flags = ConnectFlags & RepoFlags;

function withClusterOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: kubeContext in the config, else the current context)')
    .option('--request-timeout <seconds>', 'seconds one API request may take', '10')
    .option('--repo <dir>', 'the GitOps repo (default: repoPath in the config, else the Git work tree here)')
    .option('-c, --config <file>', 'repo config file (default: .hctl.yaml in the repo or above)');
}

/** Runs `use` with a client that is closed afterwards, so the process can end. */
async function withClient<T extends ApiClient, R>(open: { client: T }, use: (client: T) => Promise<R>): Promise<R> {
  try {
    return await use(open.client);
  } finally {
    open.client.close();
  }
}

export function vclusterClusterCommands(setExitCode: (code: number) => void): Command[] {
  return [statusCommand(setExitCode), kubeconfigCommand(setExitCode), listCommand(setExitCode), syncCommand(setExitCode), deleteCommand(setExitCode)];
}

function statusCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('status')
    .argument('<name>', 'vCluster name')
    .description('The platform\'s status contract, and the diagnostic chain when no phase is set: exit 0 Ready, 1 progressing, 2 degraded or failed, 3 could not run, 4 --wait timed out')
    .option('--diagnose', 'run the diagnostic chain even when the platform reports a phase')
    .option('--wait', 'poll until Ready (or Failed)')
    .option('--timeout <seconds>', 'how long --wait waits', '300')
    .option('--interval <seconds>', 'seconds between polls', '3')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'));
  return withClusterOptions(command).action(async (name: string, flags: Flags & { diagnose?: boolean; wait?: boolean; timeout: string; interval: string; format: 'text' | 'json' }) => {
    try {
      const { repoDir, config } = resolveRepo(flags);
      const read = (client: ApiClient) => readVClusterStatus(client, config, repoDir, name, { diagnose: flags.diagnose ?? false });
      const status = await withClient(openReader(flags, config), (client) =>
        flags.wait ? waitFor(() => read(client), seconds(flags.timeout, '--timeout'), seconds(flags.interval, '--interval'), flags.format === 'text') : read(client),
      );
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(statusReport(status, VERSION), null, 2)}\n` : renderStatusText(status));
      setExitCode(status.exitCode);
    } catch (error) {
      if (flags.format === 'json' && error instanceof Error && !(error instanceof TimeoutError)) process.stdout.write(`${JSON.stringify(statusErrorReport(error), null, 2)}\n`);
      throw error;
    }
  });
}

/** No such vCluster is a verdict (critical, exit 2); anything else is "could not run" (error, exit 3). */
function statusErrorReport(error: Error) {
  if (!(error instanceof RefusedError)) return errorReport('vcluster status', VERSION, error.message);
  const findings: Finding[] = [{ rule: 'vcluster-phase', severity: 'critical', message: error.message, hint: 'hctl vcluster list shows the vClusters there are', docs: 'docs/vcluster.md#status' }];
  return buildReport({ command: 'vcluster status', version: VERSION, findings, details: {}, itemCount: 1, unhealthyItems: 1 });
}

function seconds(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new RefusedError(`${flag} must be a positive number of seconds, not "${value}"`);
  return number * 1000;
}

/** Polls until Ready or Failed; on timeout prints the last status and exits 4. */
async function waitFor(read: () => Promise<VClusterStatus>, timeoutMs: number, intervalMs: number, progress: boolean): Promise<VClusterStatus> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const status = await read();
    const line = `${status.phase}${status.message ? `: ${status.message}` : ''}`;
    if (progress && line !== last) process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${status.name} ${line}\n`);
    last = line;
    if (status.exitCode === 0 || status.phase === 'Failed') return status;
    if (Date.now() + intervalMs > deadline) {
      process.stdout.write(renderStatusText(status));
      throw new TimeoutError(`vCluster ${status.name} is not Ready after ${Math.round(timeoutMs / 1000)}s (${line})`);
    }
    await sleep(intervalMs);
  }
}

/** `create --wait`: the same poll as `status --wait`, after the push. */
export async function waitForVCluster(name: string, repoDir: string, config: ResolvedConfig, timeout: string): Promise<number> {
  const status = await withClient(openReader({}, config), (client) =>
    waitFor(() => readVClusterStatus(client, config, repoDir, name, { diagnose: false }), seconds(timeout, '--timeout'), 3000, true),
  );
  process.stdout.write(renderStatusText(status));
  return status.exitCode;
}

function kubeconfigCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('kubeconfig')
    .argument('<name>', 'vCluster name')
    .description('Write the vCluster\'s kubeconfig to ~/.kube/hctl/NAME.yaml (0600) and print only its path: export KUBECONFIG=$(hctl vcluster kubeconfig NAME)')
    .option('-o, --output <file>', 'write here instead of ~/.kube/hctl/NAME.yaml');
  return withClusterOptions(command).action(async (name: string, flags: Flags & { output?: string }) => {
    const { repoDir, config } = resolveRepo(flags);
    await withClient(openReader(flags, config), async (client) => {
      const request = await getObject(client, paths.request(config.platform, name));
      const live = isMissing(request) ? undefined : request;
      // The request says where the vCluster lives; the seed's tool assumed the namespace was the name.
      const namespace = (live?.spec?.targetNamespace as string | undefined) || repoTargetNamespace(repoDir, config, name) || name;
      const found = await findKubeconfig(client, namespace, name, live?.status?.credentials?.kubeconfigSecret);
      if (isMissing(found)) {
        const hint = found.missing === 'forbidden' ? 'ask for get on secrets in that namespace' : `is the vCluster Ready? hctl vcluster status ${name}`;
        throw new UsageError(`no kubeconfig for vCluster ${name}: ${found.message} (${hint})`);
      }
      const file = path.resolve(flags.output ?? defaultKubeconfigPath(name));
      await writeKubeconfig(file, found.content, `secret ${namespace}/${found.secret} key ${found.key}`);
      process.stderr.write(`Kubeconfig for vCluster ${name} written to ${file} (from secret ${namespace}/${found.secret}, key ${found.key})\n`);
      process.stdout.write(`${file}\n`);
    });
    setExitCode(0);
  });
}

function repoTargetNamespace(repoDir: string, config: ResolvedConfig, name: string): string | undefined {
  const target = repoRequests(repoDir, config).get(name)?.body.spec?.targetNamespace;
  return typeof target === 'string' ? target : undefined;
}

function listCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('list')
    .description('vCluster requests in the repo, with the platform\'s phase of each from the cluster')
    .option('--offline', 'the repo only; do not read the cluster')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'));
  return withClusterOptions(command).action(async (flags: Flags & { offline?: boolean; format: 'text' | 'json' }) => {
    const { repoDir, config } = resolveRepo(flags);
    let result: Awaited<ReturnType<typeof listVClusters>>;
    if (flags.offline) {
      result = await listVClusters(repoDir, config, undefined);
    } else {
      try {
        const open = openReader(flags, config);
        result = await withClient(open, (client) => listVClusters(repoDir, config, client));
      } catch (error) {
        if (!(error instanceof UsageError) && (error as Error).name !== 'ConnectionError' && (error as Error).name !== 'ApiError') throw error;
        result = { ...(await listVClusters(repoDir, config, undefined)), clusterNote: `cluster not read: ${(error as Error).message}` };
      }
    }
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify({ repo: repoDir, clusterRead: result.clusterRead, vclusters: result.entries, ...(result.clusterNote ? { clusterNote: result.clusterNote } : {}) }, null, 2)}\n`);
    } else {
      const rows = result.entries.map((entry) => [entry.name, entry.preset ?? '-', entry.replicas?.toString() ?? '-', entry.phase ?? (result.clusterRead ? 'not applied' : 'unknown'), entry.inRepo ? entry.file! : 'not in the repo', entry.hostname ?? '']);
      const table = [['NAME', 'PRESET', 'REPLICAS', 'PHASE', 'FILE', 'HOSTNAME'], ...rows];
      const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
      process.stdout.write(result.entries.length === 0 ? `no vCluster requests in ${path.join(repoDir, config.platform.requestsDir)}\n` : `${table.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n')}\n`);
      if (result.clusterNote) process.stderr.write(`hctl: ${result.clusterNote}\n`);
    }
    setExitCode(0);
  });
}

async function confirmOrYes(yes: boolean | undefined, nonInteractive: boolean | undefined, config: ResolvedConfig, message: string): Promise<void> {
  if (yes) return;
  const prompter = promptIfTerminal(nonInteractive, config.interactive);
  if (!prompter) throw new RefusedError('not on a terminal: pass --yes to go ahead (nothing was changed)');
  if (!(await prompter.confirm({ message, default: false }))) throw new RefusedError('cancelled; nothing was changed');
}

function syncCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('sync')
    .argument('<name>', 'vCluster name')
    .description('Sync the Argo CD apps deployed into a vCluster: clears failed operations, CRD apps first')
    .option('--app <app>', 'only this app')
    .option('--force', 'sync every app, not only failed or out-of-sync ones')
    .option('--yes', 'go ahead without asking (needed when not on a terminal)')
    .option('--non-interactive', 'never ask')
    .option('--settle <seconds>', 'pause between the CRD apps and the rest', '3');
  return withClusterOptions(command).action(async (name: string, flags: Flags & { app?: string; force?: boolean; yes?: boolean; nonInteractive?: boolean; settle: string }) => {
    const { config } = resolveRepo(flags);
    const settleMs = Number(flags.settle) * 1000;
    if (!Number.isFinite(settleMs) || settleMs < 0) throw new RefusedError(`--settle must be a number of seconds, not "${flags.settle}"`);
    await withClient(openWriter(flags, config), async (writer) => {
      const apps = await listObjects(writer, paths.applications(config.platform));
      if (isMissing(apps)) throw new UsageError(`cannot list Argo CD Applications in ${config.platform.argocdNamespace}: ${apps.message}`);
      const plan = planSync(apps, name, { ...(flags.app ? { app: flags.app } : {}), force: flags.force ?? false });
      for (const skipped of plan.skipped) process.stdout.write(`skip   ${skipped.app}: ${skipped.reason}\n`);
      if (plan.steps.length === 0) {
        process.stdout.write(`nothing to sync for vCluster ${name}${plan.skipped.length ? '' : ' (no app targets it)'}; --force syncs every app\n`);
        setExitCode(0);
        return;
      }
      for (const step of plan.steps) process.stdout.write(`sync   ${step.app} (wave ${step.wave}): ${step.reason}${step.clearOperation ? '; clear the failed operation first' : ''}\n`);
      await confirmOrYes(flags.yes, flags.nonInteractive, config, `Sync ${plan.steps.length} app(s)?`);
      const results = await runSync(writer, config.platform, plan, settleMs);
      for (const result of results) process.stdout.write(`${result.error ? 'failed' : 'synced'} ${result.app}${result.cleared ? ' (failed operation cleared)' : ''}${result.error ? `: ${result.error}` : ''}\n`);
      const errors = results.filter((result) => result.error).length;
      process.stdout.write(`${results.filter((result) => result.cleared).length} cleared, ${results.filter((result) => result.synced).length} synced, ${plan.skipped.length} skipped, ${errors} errors\n`);
      setExitCode(errors > 0 ? 3 : 0);
    });
  });
}

function deleteCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('delete')
    .argument('<name>', 'vCluster name')
    .description('Remove a vCluster request through Git, after showing what Argo CD will prune')
    .addOption(new Option('--git-mode <mode>', 'generate (remove the file only), stage, commit, auto (commit and push), prompt').choices([...GIT_MODES]))
    .option('--auto-commit', 'same as --git-mode auto')
    .option('--yes', 'go ahead without asking (needed when not on a terminal)')
    .option('--non-interactive', 'never ask')
    .option('--offline', 'do not read the cluster for the prune preview');
  return withClusterOptions(command).action(async (name: string, flags: Flags & { gitMode?: string; autoCommit?: boolean; yes?: boolean; nonInteractive?: boolean; offline?: boolean }) => {
    const { repoDir, config } = resolveRepo(flags);
    const file = requestFile(repoDir, config, name);
    if (!existsSync(file.absolute)) throw new RefusedError(`no request ${file.relative} in ${repoDir}; nothing to delete`);
    const prompter = promptIfTerminal(flags.nonInteractive, config.interactive);
    const out = (text: string) => process.stdout.write(text);
    const action = await gitAction({ gitMode: flags.autoCommit ? 'auto' : flags.gitMode, config, ...(prompter ? { prompter } : {}), out }, file.relative, `remove ${file.relative}`);
    const plan = await planGit(repoDir, action, config.protectedBranches);
    out(`Removing ${file.relative} deletes vCluster ${name}:\n`);
    if (flags.offline) {
      out('  (not reading the cluster: --offline)\n');
    } else {
      try {
        const lines = await withClient(openReader(flags, config), (client) => prunePreview(client, config.platform, name));
        for (const line of lines) out(`  ${line}\n`);
      } catch (error) {
        if ((error as Error).name !== 'UsageError' && (error as Error).name !== 'ConnectionError') throw error;
        out(`  could not read what Argo CD will prune: ${(error as Error).message}\n`);
      }
    }
    await confirmOrYes(flags.yes, flags.nonInteractive, config, `Delete vCluster ${name}?`);
    await unlink(file.absolute);
    out(`removed ${file.relative}\n`);
    const outcome = await recordChange(plan, [file.absolute], commitMessage('delete', { name }));
    out(describeGit(outcome, name).replace(`hctl vcluster status ${name} --wait`, `hctl vcluster list`));
    if (outcome.pushFailed) {
      process.stderr.write(`hctl: the push was rejected: ${outcome.pushFailed}\n${pushRecovery(plan, outcome)}\n`);
      setExitCode(3);
      return;
    }
    setExitCode(0);
  });
}
