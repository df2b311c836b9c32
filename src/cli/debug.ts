import path from 'node:path';
import { Command, Option } from 'commander';
import { readSnapshot } from '../cluster/snapshot.js';
import { loadConfig } from '../config/config.js';
import { UsageError } from '../config/errors.js';
import { debugPod } from '../debug/debug-pod.js';
import { choosePod, parsePodArgument, type PodEvidence } from '../debug/pod-evidence.js';
import { readPodEvidence } from '../debug/read-pod-evidence.js';
import { SEVERITIES, type Severity } from '../report/finding.js';
import { renderPodText } from '../report/render-pod-text.js';
import { EXIT_CODES, type Report } from '../report/report.js';
import { useValidatorCache } from '../schema/validator.js';
import { addConnectionOptions, withCluster, type ConnectionFlags } from './cluster-options.js';
import { emit, emitCouldNotRun, useColor } from './output.js';
import { VERSION } from './package-info.js';

const FORMATS = ['text', 'json'] as const;

interface DebugPodFlags extends ConnectionFlags {
  namespace?: string;
  snapshot?: string;
  tail: string;
  format: (typeof FORMATS)[number];
  output?: string;
  config?: string;
  minSeverity: Severity;
}

export function debugCommand(setExitCode: (code: number) => void): Command {
  const pod = new Command('pod')
    .description('Everything about one pod in one report (read-only): status, owners up to the Flux or Argo CD object, containers, volumes, referenced Secrets and ConfigMaps, Services, NetworkPolicies, events, last log lines, and the checks that concern it')
    .argument('<pod>', 'NAMESPACE/POD, or POD with --namespace; a Deployment-style prefix (media/sonarr) picks its one pod')
    .option('-n, --namespace <namespace>', 'namespace of a bare POD (default: the kubeconfig context\'s, else default)')
    .option('--snapshot <dir>', 'read the pod from a snapshot made by `hctl snapshot` instead of a live cluster (offline; no logs, no ConfigMaps or Secrets)')
    .addOption(new Option('--tail <lines>', 'log lines to show per container (0: none)').default('20'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the current directory or above)')
    .addOption(new Option('--min-severity <severity>', 'list findings from this severity up (text)').choices([...SEVERITIES]).default('info'));
  addConnectionOptions(pod).action(async (argument: string, flags: DebugPodFlags) => {
    try {
      const report = await runDebugPod(argument, flags);
      if (flags.format === 'json') emit(`${JSON.stringify(report, null, 2)}\n`, flags.output);
      else emit(renderPodText(report, { color: !flags.output && useColor(process.stdout), minSeverity: flags.minSeverity }), flags.output);
      setExitCode(EXIT_CODES[report.status]);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      emitCouldNotRun('debug pod', error.message, flags);
      setExitCode(EXIT_CODES.error);
    }
  });
  return new Command('debug').description('Deep dives into one object of a live cluster (read-only): debug pod NAMESPACE/POD').addCommand(pod);
}

/** What `hctl debug pod ARGUMENT` reports with these flags: the pod from the snapshot or the cluster they name. */
export async function runDebugPod(argument: string, flags: Pick<DebugPodFlags, keyof ConnectionFlags | 'namespace' | 'snapshot' | 'tail' | 'config'>): Promise<Report> {
  const tailLines = Number(flags.tail);
  if (!Number.isInteger(tailLines) || tailLines < 0) throw new UsageError(`--tail must be a whole number of lines, not "${flags.tail}"`);
  useValidatorCache(true);
  const config = loadConfig({ startDir: process.cwd(), ...(flags.config ? { file: flags.config } : {}) });
  let evidence: PodEvidence;
  let requests: number | undefined;
  let source: { type: 'cluster' | 'snapshot'; location: string };
  if (flags.snapshot) {
    const state = await readSnapshot(flags.snapshot);
    const target = parsePodArgument(argument, flags.namespace);
    const pods = (state.objects.get('Pod') ?? []).filter((candidate) => candidate.metadata.namespace === target.namespace);
    evidence = { state, ...choosePod(pods, target.namespace, target.name) };
    source = { type: 'snapshot', location: path.resolve(flags.snapshot) };
  } else {
    ({ evidence, requests } = await withCluster(flags, async (client, settings) => {
      const target = parsePodArgument(argument, flags.namespace, settings.namespace);
      const read = await readPodEvidence(client, target, { concurrency: settings.concurrency, context: settings.context, tailLines });
      return { evidence: read, requests: client.requests };
    }));
    source = { type: 'cluster', location: evidence.state.context ?? evidence.state.server ?? '' };
  }
  return debugPod(evidence, { config, version: VERSION, source, ...(requests !== undefined ? { requests } : {}) });
}
