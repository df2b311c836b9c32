import { Command } from 'commander';
import { appsCommand } from './apps.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { kubeconfigCommand } from './kubeconfig.js';
import { listCommand } from './list.js';
import { statusCommand } from './status.js';
import { syncCommand } from './sync.js';

export function vclusterCommand(setExitCode: (code: number) => void): Command {
  const vcluster = new Command('vcluster').description('Self-service virtual clusters through Git: create, status, kubeconfig, apps, list, sync, delete');
  for (const command of [createCommand, statusCommand, kubeconfigCommand, appsCommand, listCommand, syncCommand, deleteCommand]) vcluster.addCommand(command(setExitCode));
  return vcluster;
}

