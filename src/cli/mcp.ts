import { Command } from 'commander';
import { useCheckCache } from '../cache/check-cache.js';
import { useValidatorCache } from '../schema/validator.js';
import { addConnectionOptions, type ConnectionFlags } from './cluster-options.js';

interface McpFlags extends ConnectionFlags {
  snapshot?: string;
  config?: string;
}

export function mcpCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('mcp')
    .description("Serve hctl to AI agents over the Model Context Protocol (stdio), read-only: check_repo, cluster_health, debug_pod, netpol, render_kustomization, list_rules, explain_rule; findings a bounded page at a time")
    .option('--snapshot <dir>', 'cluster tools read this snapshot (made by `hctl snapshot`) instead of a live cluster (offline)')
    .option('-c, --config <file>', 'config file for the cluster tools (default: .hctl.yaml in the current directory or above); check_repo finds the repository\'s own');
  return addConnectionOptions(command).action(async (flags: McpFlags) => {
    // As `hctl check` and `hctl health` do: compiled validators and parsed files kept between calls and runs.
    useValidatorCache(true);
    useCheckCache(true);
    const { serveMcp } = await import('../mcp/serve-mcp.js');
    const { snapshot, config, ...connection } = flags;
    await serveMcp({ connection, ...(snapshot ? { snapshot } : {}), ...(config ? { config } : {}) });
    setExitCode(0);
  });
}
