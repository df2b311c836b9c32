import { Command } from 'commander';
import { openReader, withClient, type ConnectFlags } from '../cluster/connect.js';
import { pullCrds } from '../cluster/pull-crds.js';
import { RefusedError } from '../config/errors.js';

interface PullFlags extends ConnectFlags {
  output: string;
  group: string[];
}

export function schemasCommand(setExitCode: (code: number) => void): Command {
  const pull = new Command('pull')
    .description('Save the cluster\'s CustomResourceDefinitions to a directory, so `hctl check --schema-dir DIR` validates custom resources the embedded bundle does not know — offline from then on')
    .requiredOption('-o, --output <dir>', 'directory to write the CRDs to, one file per CRD under <group>/')
    .option('--group <group>', 'only CRDs of this API group (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('--request-timeout <seconds>', 'seconds one API request may take', '10')
    .action(async (flags: PullFlags) => {
      const open = await openReader(flags, {});
      const pulled = await withClient(open, (client) => pullCrds(client, flags.output, { groups: flags.group, context: open.context, today: new Date().toISOString().slice(0, 10) }));
      if (pulled.files.length === 0) {
        throw new RefusedError(flags.group.length > 0 ? `the cluster (context ${open.context}) has no CustomResourceDefinition of ${flags.group.join(', ')}` : `the cluster (context ${open.context}) has no CustomResourceDefinitions`);
      }
      for (const group of pulled.missingGroups) process.stderr.write(`hctl schemas pull: no CustomResourceDefinition of ${group} in the cluster\n`);
      process.stdout.write(
        `${pulled.files.length} CustomResourceDefinitions of ${pulled.groups.length} API groups from context ${open.context} written to ${flags.output}\n` +
          `Validate against them: hctl check --schema-dir ${flags.output} (or schemaDirs in .hctl.yaml)\n`,
      );
      setExitCode(pulled.missingGroups.length > 0 ? 1 : 0);
    });
  return new Command('schemas').description('Schemas for hctl check beyond the embedded bundle').addCommand(pull);
}
