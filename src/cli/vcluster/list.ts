import path from 'node:path';
import { Command, Option } from 'commander';
import { ApiError, ConnectionError } from '../../cluster/api-client.js';
import { UsageError } from '../../config/errors.js';
import { formatTable } from '../../text/table.js';
import { listVClusters } from '../../vcluster/list.js';
import { openReader, withClient } from '../../cluster/connect.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import { withClusterOptions, type Flags } from './options.js';

export function listCommand(setExitCode: (code: number) => void): Command {
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
        const open = await openReader(flags, config);
        result = await withClient(open, (client) => listVClusters(repoDir, config, client));
      } catch (error) {
        if (!(error instanceof UsageError || error instanceof ConnectionError || error instanceof ApiError)) throw error;
        result = { ...(await listVClusters(repoDir, config, undefined)), clusterNote: `cluster not read: ${(error as Error).message}` };
      }
    }
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify({ repo: repoDir, clusterRead: result.clusterRead, vclusters: result.entries, ...(result.clusterNote ? { clusterNote: result.clusterNote } : {}) }, null, 2)}\n`);
    } else {
      const rows = result.entries.map((entry) => [entry.name, entry.preset ?? '-', entry.replicas?.toString() ?? '-', entry.phase ?? (result.clusterRead ? 'not applied' : 'unknown'), entry.inRepo ? entry.file! : 'not in the repo', entry.hostname ?? '']);
      process.stdout.write(result.entries.length === 0 ? `no vCluster requests in ${path.join(repoDir, config.platform.requestsDir)}\n` : formatTable([['NAME', 'PRESET', 'REPLICAS', 'PHASE', 'FILE', 'HOSTNAME'], ...rows]));
      if (result.clusterNote) process.stderr.write(`hctl: ${result.clusterNote}\n`);
    }
    setExitCode(0);
  });
}
