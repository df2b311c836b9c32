import { Command } from 'commander';
import { openReader, withClient, type ConnectFlags } from '../cluster/connect.js';
import { pullCrds } from '../cluster/pull-crds.js';
import { loadConfig } from '../config/config.js';
import { RefusedError } from '../config/errors.js';
import { useCheckCache } from '../cache/check-cache.js';
import { inventoryOf, validateTarget } from '../engine/check-repo.js';
import { useValidatorCache } from '../schema/validator.js';

interface PullFlags extends ConnectFlags {
  output: string;
  group: string[];
  for?: string;
}

export function schemasCommand(setExitCode: (code: number) => void): Command {
  const pull = new Command('pull')
    .description('Save the cluster\'s CustomResourceDefinitions to a directory, so `hctl check --schema-dir DIR` validates custom resources the embedded bundle does not know — offline from then on')
    .requiredOption('-o, --output <dir>', 'directory to write the CRDs to, one file per CRD under <group>/')
    .option('--group <group>', 'only CRDs of this API group (repeatable)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--for <dir>', 'only the groups of the custom resources in this repository that hctl has no schema for')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .option('--request-timeout <seconds>', 'seconds one API request may take', '10')
    .action(async (flags: PullFlags) => {
      const groups = [...flags.group];
      if (flags.for !== undefined) {
        const missing = await groupsWithoutSchema(flags.for);
        if (missing.length === 0) {
          process.stdout.write(`every custom resource in ${flags.for} has a schema: nothing to pull\n`);
          setExitCode(0);
          return;
        }
        groups.push(...missing.filter((group) => !groups.includes(group)));
      }
      const open = await openReader(flags, {});
      const pulled = await withClient(open, (client) => pullCrds(client, flags.output, { groups, context: open.context, today: new Date().toISOString().slice(0, 10) }));
      if (pulled.files.length === 0) {
        throw new RefusedError(groups.length > 0 ? `the cluster (context ${open.context}) has no CustomResourceDefinition of ${groups.join(', ')}` : `the cluster (context ${open.context}) has no CustomResourceDefinitions`);
      }
      for (const group of pulled.missingGroups) process.stderr.write(`hctl schemas pull: no CustomResourceDefinition of ${group} in the cluster\n`);
      process.stdout.write(
        `${pulled.files.length} CustomResourceDefinitions of ${pulled.groups.length} API groups from context ${open.context} written to ${flags.output}\n` +
          `Validate against them: hctl check --schema-dir ${flags.output} (or schemaDirs in .hctl.yaml)\n`,
      );
      setExitCode(pulled.missingGroups.length > 0 ? 1 : 0);
    });
  return new Command('schemas').description('Schemas for hctl check beyond the embedded bundle: pull (a cluster\'s CRDs)').addCommand(pull);
}

/** API groups of the repository's custom resources that no schema covers (its config's schemaDirs count). */
async function groupsWithoutSchema(dir: string): Promise<string[]> {
  useValidatorCache(true);
  useCheckCache(true);
  // Validation is all it takes: the rules would only add findings nobody reads here.
  const { repo, validation, cache } = await validateTarget(dir, loadConfig({ startDir: dir }));
  cache?.save();
  // Keys are group/version/Kind; a core `v1/Kind` has no group a CRD could serve.
  const groups = Object.keys(inventoryOf(repo, validation).unverifiedKinds).map((key) => key.split('/')).filter((parts) => parts.length === 3);
  return [...new Set(groups.map(([group]) => group!))].sort();
}
