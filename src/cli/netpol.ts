import path from 'node:path';
import { Command, Option } from 'commander';
import type { ClusterState } from '../cluster/cluster-state.js';
import { readSnapshot } from '../cluster/snapshot.js';
import { loadConfig } from '../config/config.js';
import { UsageError } from '../config/errors.js';
import { netpolReport } from '../netpol/namespace-policies.js';
import { readNamespacePolicies, requireNamespace } from '../netpol/read-namespace-policies.js';
import { SEVERITIES, type Severity } from '../report/finding.js';
import { renderNetpolText } from '../report/render-netpol-text.js';
import { EXIT_CODES, type Report } from '../report/report.js';
import { useValidatorCache } from '../schema/validator.js';
import { addConnectionOptions, withCluster, type ConnectionFlags } from './cluster-options.js';
import { emit, emitCouldNotRun, useColor } from './output.js';
import { VERSION } from './package-info.js';

const FORMATS = ['text', 'json'] as const;

interface NetpolFlags extends ConnectionFlags {
  snapshot?: string;
  format: (typeof FORMATS)[number];
  output?: string;
  config?: string;
  minSeverity: Severity;
}

export function netpolCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('netpol')
    .description("One namespace's network policies (read-only): default-deny per direction, each policy's rules in words with the namespaces its selectors match, which workloads are isolated and whether DNS gets out, which Service ports any rule admits; exit 0 healthy, 1 warnings, 2 critical, 3 could not run")
    .argument('<namespace>', 'the namespace to analyse')
    .option('--snapshot <dir>', 'read a snapshot made by `hctl snapshot` instead of a live cluster (offline)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the current directory or above)')
    .addOption(new Option('--min-severity <severity>', 'list findings from this severity up (text)').choices([...SEVERITIES]).default('info'));
  return addConnectionOptions(command).action(async (namespace: string, flags: NetpolFlags) => {
    try {
      const report = await runNetpol(namespace, flags);
      if (flags.format === 'json') emit(`${JSON.stringify(report, null, 2)}\n`, flags.output);
      else emit(renderNetpolText(report, { color: !flags.output && useColor(process.stdout), minSeverity: flags.minSeverity }), flags.output);
      setExitCode(EXIT_CODES[report.status]);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      emitCouldNotRun('netpol', error.message, flags);
      setExitCode(EXIT_CODES.error);
    }
  });
}

/** What `hctl netpol NAMESPACE` reports with these flags: the namespace from the snapshot or the cluster they name. */
export async function runNetpol(namespace: string, flags: Pick<NetpolFlags, keyof ConnectionFlags | 'snapshot' | 'config'>): Promise<Report> {
  useValidatorCache(true);
  const config = loadConfig({ startDir: process.cwd(), ...(flags.config ? { file: flags.config } : {}) });
  let state: ClusterState;
  let requests: number | undefined;
  let source: { type: 'cluster' | 'snapshot'; location: string };
  if (flags.snapshot) {
    state = await readSnapshot(flags.snapshot);
    requireNamespace(state, namespace);
    source = { type: 'snapshot', location: path.resolve(flags.snapshot) };
  } else {
    ({ state, requests } = await withCluster(flags, async (client, settings) => ({
      state: await readNamespacePolicies(client, namespace, { concurrency: settings.concurrency, context: settings.context }),
      requests: client.requests,
    })));
    source = { type: 'cluster', location: state.context ?? state.server ?? '' };
  }
  return netpolReport(state, namespace, { config, version: VERSION, source, ...(requests !== undefined ? { requests } : {}) });
}
