import { Command, Option } from 'commander';
import { UsageError } from '../../config/errors.js';
import { formatTable } from '../../text/table.js';
import { openReader, withClient } from '../../cluster/connect.js';
import { isMissing, listObjects, paths } from '../../vcluster/platform-api.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import { appsExitCode, appsInVCluster, summarizeApp } from '../../vcluster/vcluster-apps.js';
import { withClusterOptions, type Flags } from './options.js';

export function appsCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('apps')
    .argument('<name>', 'vCluster name')
    .description('The Argo CD apps deployed into a vCluster, with sync, health and last operation: exit 0 all Synced and Healthy, 1 some on their way, 2 one Degraded or failed')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'));
  return withClusterOptions(command).action(async (name: string, flags: Flags & { format: 'text' | 'json' }) => {
    const { config } = resolveRepo(flags);
    const apps = await withClient(await openReader(flags, config), (client) => listObjects(client, paths.applications(config.platform)));
    if (isMissing(apps)) throw new UsageError(`cannot list Argo CD Applications in ${config.platform.argocdNamespace}: ${apps.message}`);
    const summaries = appsInVCluster(apps, name).map(summarizeApp);
    if (flags.format === 'json') {
      process.stdout.write(`${JSON.stringify({ vcluster: name, apps: summaries }, null, 2)}\n`);
    } else if (summaries.length === 0) {
      process.stdout.write(`no Argo CD Application in ${config.platform.argocdNamespace} targets destination "${name}"\n`);
    } else {
      const rows = summaries.map((app) => [app.name, app.sync, app.health, app.operation ? `${app.operation}${app.retries ? ` (retry ${app.retries})` : ''}` : '-', app.selfHeal ? 'yes' : 'no']);
      process.stdout.write(formatTable([['APP', 'SYNC', 'HEALTH', 'LAST OPERATION', 'SELF-HEAL'], ...rows]));
    }
    setExitCode(appsExitCode(summaries));
  });
}
