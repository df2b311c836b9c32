import path from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../config/errors.js';
import { renderWatchCycle } from '../report/render-watch-text.js';
import { defaultHistoryFile, HistoryStore } from '../serve/history-store.js';
import { HealthState, startHealthServer } from '../serve/serve-health.js';
import { addClusterOptions, type ClusterFlags } from './cluster-options.js';
import { useColor } from './output.js';
import { VERSION } from './package-info.js';
import { intervalSeconds, watchHealth } from './watch.js';

interface ServeFlags extends ClusterFlags {
  port: string;
  address: string;
  interval: string;
  history?: string;
  snapshot?: string;
  config?: string;
}

export function serveCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('serve')
    .description('A local web page of the cluster\'s health with its history (read-only): reads it like `hctl health` every --interval; / the page, /api/health the last report as JSON, /api/history the changes, /metrics for Prometheus. Ctrl-C stops it (exit 0)')
    .addOption(new Option('-p, --port <port>', 'port to listen on (0: any free port)').default('8080'))
    .addOption(new Option('--address <address>', 'address to listen on; 0.0.0.0 shows the page to the whole network').default('127.0.0.1'))
    .addOption(new Option('-i, --interval <duration>', 'pause between readings: seconds, or a duration such as 30s, 2m').default('60s'))
    .option('--history <file>', 'where the history of changes is kept (default: $XDG_STATE_HOME/hctl/history/<context>.jsonl, else ~/.local/state/…)')
    .option('--snapshot <dir>', 'read this snapshot directory at each reading instead of a live cluster (offline)')
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the current directory or above)');
  return addClusterOptions(command).action(async (flags: ServeFlags) => {
    const interval = intervalSeconds(flags.interval);
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0–65535), not "${flags.port}"`);
    const state = new HealthState(interval, VERSION);
    const { server, url } = await startHealthServer(state, flags.address, port).catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port` : error.code === 'EADDRNOTAVAIL' ? `${flags.address} is not an address of this machine` : error.message;
      throw new UsageError(`cannot listen on ${flags.address}:${port}: ${reason}`);
    });
    const color = useColor(process.stdout);
    process.stdout.write(`hctl serve: ${url} (reading every ${interval}s; Ctrl-C to stop)\n`);
    try {
      let history: HistoryStore | undefined;
      await watchHealth(flags, interval, undefined, (cycle) => {
        if (!history && 'report' in cycle) {
          const source = cycle.report.details.source as { type: string; location: string };
          history = new HistoryStore(path.resolve(flags.history ?? defaultHistoryFile(source.type === 'snapshot' ? `snapshot-${path.basename(source.location)}` : source.location)));
          process.stdout.write(`hctl serve: history in ${history.file}\n`);
        }
        state.record(cycle, history!);
        // The console shows what `hctl watch` would: the first reading, then the changes.
        process.stdout.write(renderWatchCycle(cycle, { color, minSeverity: 'warning', intervalSeconds: interval }));
      });
      setExitCode(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
}
