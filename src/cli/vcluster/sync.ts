import { Command } from 'commander';
import { RefusedError, UsageError } from '../../config/errors.js';
import { openWriter, withClient } from '../../cluster/connect.js';
import { isMissing, listObjects, paths } from '../../vcluster/platform-api.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import { planSync, runSync } from '../../vcluster/sync.js';
import { confirmOrYes, withClusterOptions, type Flags } from './options.js';

export function syncCommand(setExitCode: (code: number) => void): Command {
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
    await withClient(await openWriter(flags, config), async (writer) => {
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
