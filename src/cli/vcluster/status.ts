import { setTimeout as sleep } from 'node:timers/promises';
import { Command, Option } from 'commander';
import type { ApiClient } from '../../cluster/api-client.js';
import type { ResolvedConfig } from '../../config/config.js';
import { RefusedError, TimeoutError } from '../../config/errors.js';
import type { Finding } from '../../report/finding.js';
import { buildReport, errorReport } from '../../report/report.js';
import { openReader, withClient } from '../../cluster/connect.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import { readVClusterStatus, renderStatusText, statusReport, type VClusterStatus } from '../../vcluster/status.js';
import { VERSION } from '../package-info.js';
import { seconds, withClusterOptions, type Flags } from './options.js';

export function statusCommand(setExitCode: (code: number) => void): Command {
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
      const status = await withClient(await openReader(flags, config), (client) =>
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
export async function waitForVCluster(name: string, repoDir: string, config: ResolvedConfig, timeout: string): Promise<VClusterStatus> {
  return withClient(await openReader({}, config), (client) =>
    waitFor(() => readVClusterStatus(client, config, repoDir, name, { diagnose: false }), seconds(timeout, '--timeout'), 3000, true),
  );
}
