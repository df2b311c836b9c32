import { Command } from 'commander';
import { writeSnapshot } from '../cluster/snapshot.js';
import { UsageError } from '../config/errors.js';
import { addClusterOptions, chosenDomains, readClusterFromFlags, type ClusterFlags } from './cluster-options.js';

interface SnapshotFlags extends ClusterFlags {
  output: string;
}

export function snapshotCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('snapshot')
    .description('Save what `hctl health` reads (never Secret data) to a directory, for `hctl health --snapshot DIR`')
    .requiredOption('-o, --output <dir>', 'directory to write the snapshot to');
  return addClusterOptions(command).action(async (flags: SnapshotFlags) => {
    try {
      const domains = chosenDomains(flags);
      const { state, requests } = await readClusterFromFlags(flags, domains);
      const files = await writeSnapshot(flags.output, state);
      const objects = [...state.objects.values()].reduce((sum, items) => sum + items.length, 0);
      process.stderr.write(`hctl snapshot: ${objects} objects from ${state.context ?? state.server} in ${files.length} files under ${flags.output} (${requests} API requests)\n`);
      setExitCode(0);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`hctl snapshot: ${error.message}\n`);
      setExitCode(3);
    }
  });
}
