import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { ApiError, ConnectionError } from '../../cluster/api-client.js';
import { RefusedError, UsageError } from '../../config/errors.js';
import { GIT_MODES } from '../../config/platform.js';
import { commitMessage, describeGit, gitAction } from '../../vcluster/create.js';
import { planGit, pushRecovery, recordChange } from '../../vcluster/git-flow.js';
import { openReader, withClient } from '../../cluster/connect.js';
import { promptIfTerminal } from '../../vcluster/prompter.js';
import { prunePreview } from '../../vcluster/prune-preview.js';
import { requestFile, resolveRepo } from '../../vcluster/repo-dir.js';
import { confirmOrYes, withClusterOptions, type Flags } from './options.js';

export function deleteCommand(setExitCode: (code: number) => void): Command {
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
        const lines = await withClient(await openReader(flags, config), (client) => prunePreview(client, config.platform, name));
        for (const line of lines) out(`  ${line}\n`);
      } catch (error) {
        if (!(error instanceof UsageError || error instanceof ConnectionError || error instanceof ApiError)) throw error;
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
