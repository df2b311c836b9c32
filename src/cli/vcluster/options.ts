import { Command } from 'commander';
import type { ResolvedConfig } from '../../config/config.js';
import { RefusedError } from '../../config/errors.js';
import type { ConnectFlags } from '../../cluster/connect.js';
import { promptIfTerminal } from '../../vcluster/prompter.js';

export interface RepoFlags {
  repo?: string;
  config?: string;
}

export type Flags = ConnectFlags & RepoFlags;

/** Options every vcluster command that reads the cluster takes. */
export function withClusterOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: kubeContext in the config, else the current context)')
    .option('--request-timeout <seconds>', 'seconds one API request may take', '10')
    .option('--repo <dir>', 'the GitOps repo (default: repoPath in the config, else the Git work tree here)')
    .option('-c, --config <file>', 'repo config file (default: .hctl.yaml in the repo or above)');
}

/** Goes on with --yes, or after a yes on a terminal; otherwise nothing is changed (exit 2). */
export async function confirmOrYes(yes: boolean | undefined, nonInteractive: boolean | undefined, config: ResolvedConfig, message: string): Promise<void> {
  if (yes) return;
  const prompter = promptIfTerminal(nonInteractive, config.interactive);
  if (!prompter) throw new RefusedError('not on a terminal: pass --yes to go ahead (nothing was changed)');
  if (!(await prompter.confirm({ message, default: false }))) throw new RefusedError('cancelled; nothing was changed');
}

/** Seconds from a flag, as milliseconds; anything but a positive number is refused. */
export function seconds(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new RefusedError(`${flag} must be a positive number of seconds, not "${value}"`);
  return number * 1000;
}
