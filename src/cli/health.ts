import path from 'node:path';
import { Command, Option } from 'commander';
import { readSnapshot } from '../cluster/snapshot.js';
import { loadConfig } from '../config/config.js';
import { UsageError } from '../config/errors.js';
import { checkCluster } from '../engine/check-cluster.js';
import { SEVERITIES, type Severity } from '../report/finding.js';
import { renderHealthText } from '../report/render-health-text.js';
import { renderJunit } from '../report/render-junit.js';
import { renderMarkdown } from '../report/render-markdown.js';
import { EXIT_CODES, type Report } from '../report/report.js';
import { HEALTH_RULES } from '../rules/health-index.js';
import { useValidatorCache } from '../schema/validator.js';
import { addClusterOptions, chosenDomains, readClusterFromFlags, type ClusterFlags } from './cluster-options.js';
import { emit, emitCouldNotRun, useColor } from './output.js';
import { VERSION } from './package-info.js';

const FORMATS = ['text', 'json', 'junit', 'markdown'] as const;

interface HealthFlags extends ClusterFlags {
  snapshot?: string;
  format: (typeof FORMATS)[number];
  output?: string;
  config?: string;
  minSeverity: Severity;
  listRules?: boolean;
}

export function healthCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('health')
    .description('One verdict on the live cluster (read-only): exit 0 healthy, 1 warnings, 2 critical, 3 could not run')
    .option('--snapshot <dir>', 'judge a snapshot made by `hctl snapshot` instead of a live cluster (offline)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the current directory or above)')
    .addOption(new Option('--min-severity <severity>', 'list findings from this severity up (text, markdown)').choices([...SEVERITIES]).default('info'))
    .option('--list-rules', 'list every health check with its id, severity, domain and title, then exit');
  return addClusterOptions(command).action(async (flags: HealthFlags) => {
    if (flags.listRules) {
      emit(listHealthRules(flags.format), flags.output);
      setExitCode(0);
      return;
    }
    try {
      const report = await runHealth(flags);
      if (flags.format === 'json') emit(`${JSON.stringify(report, null, 2)}\n`, flags.output);
      else if (flags.format === 'junit') emit(renderJunit(report), flags.output);
      else if (flags.format === 'markdown') emit(renderMarkdown(report, { minSeverity: flags.minSeverity }), flags.output);
      else emit(renderHealthText(report, { color: !flags.output && useColor(process.stdout), minSeverity: flags.minSeverity }), flags.output);
      setExitCode(EXIT_CODES[report.status]);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      emitCouldNotRun('health', error.message, flags);
      setExitCode(EXIT_CODES.error);
    }
  });
}

/** What `hctl health` judges with these flags: the snapshot or the cluster they name, in the domains they choose. */
export async function runHealth(flags: Pick<HealthFlags, keyof ClusterFlags | 'snapshot' | 'config'>): Promise<Report> {
  const domains = chosenDomains(flags);
  // The config file's validator comes from the same disk cache as check's (no ajv on a warm run).
  useValidatorCache(true);
  const config = loadConfig({ startDir: process.cwd(), ...(flags.config ? { file: flags.config } : {}) });
  const read = flags.snapshot
    ? { state: await readSnapshot(flags.snapshot), source: { type: 'snapshot' as const, location: path.resolve(flags.snapshot) } }
    : await readClusterFromFlags(flags, domains).then(({ state, requests }) => ({ state, requests, source: { type: 'cluster' as const, location: state.context ?? state.server ?? '' } }));
  return checkCluster(read.state, {
    config,
    domains,
    version: VERSION,
    source: read.source,
    ...('requests' in read ? { requests: read.requests } : {}),
  });
}

/** `hctl health --list-rules`: JSON, or one row per check. */
export function listHealthRules(format: HealthFlags['format']): string {
  if (format === 'json') {
    return `${JSON.stringify(HEALTH_RULES.map((rule) => ({ ...rule.meta, docs: `docs/rules/${rule.meta.id}.md` })), null, 2)}\n`;
  }
  const width = Math.max(...HEALTH_RULES.map((rule) => rule.meta.id.length));
  const rows = HEALTH_RULES.map((rule) => `${rule.meta.id.padEnd(width)}  ${rule.meta.severity.padEnd(8)}  ${rule.meta.domain.padEnd(12)}  ${rule.meta.title}`);
  return `${['RULE'.padEnd(width) + '  SEVERITY  DOMAIN        TITLE', ...rows].join('\n')}\n`;
}
