import { Command, Option } from 'commander';
import { UsageError } from '../config/errors.js';
import { SEVERITIES, type Severity } from '../report/finding.js';
import { renderWatchJson } from '../report/render-watch-json.js';
import { renderWatchCycle, watchHeader } from '../report/render-watch-text.js';
import { EXIT_CODES, type Report } from '../report/report.js';
import { parseGoDuration } from '../text/duration.js';
import { watchLoop, type WatchCycle } from '../watch/watch-loop.js';
import { addClusterOptions, type ClusterFlags } from './cluster-options.js';
import { describeFailure } from './failure.js';
import { runHealth } from './health.js';
import { useColor } from './output.js';

const FORMATS = ['text', 'json'] as const;
const MIN_INTERVAL_SECONDS = 1;

interface WatchFlags extends ClusterFlags {
  interval: string;
  cycles?: string;
  snapshot?: string;
  format: (typeof FORMATS)[number];
  config?: string;
  minSeverity: Severity;
}

export function watchCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('watch')
    .description("`hctl health` again and again (read-only): the first reading in full, then each change as it happens — findings that appear (+) and are resolved (-), the verdict when it moves. Ctrl-C stops it; the exit code is the last verdict's (0 healthy, 1 warnings, 2 critical, 3 could not run)")
    .addOption(new Option('-i, --interval <duration>', 'pause between readings: seconds, or a duration such as 30s, 2m, 1m30s').default('30s'))
    .option('--cycles <n>', 'stop after this many readings (default: until Ctrl-C)')
    .option('--snapshot <dir>', 'read this snapshot directory at each reading instead of a live cluster (offline; something else refreshes it)')
    .addOption(new Option('-f, --format <format>', 'text, or json: one JSON line per reading that changed something').choices(FORMATS).default('text'))
    .option('-c, --config <file>', 'config file (default: .hctl.yaml in the current directory or above)')
    .addOption(new Option('--min-severity <severity>', 'list findings from this severity up (text)').choices([...SEVERITIES]).default('info'));
  return addClusterOptions(command).action(async (flags: WatchFlags) => {
    const interval = intervalSeconds(flags.interval);
    const cycles = flags.cycles === undefined ? undefined : count(flags.cycles);
    const color = useColor(process.stdout);
    let started = false;
    try {
      const last = await watchHealth(flags, interval, cycles, (cycle) => {
          if (flags.format === 'json') {
            process.stdout.write(renderWatchJson(cycle));
            return;
          }
          if (!started && 'report' in cycle) process.stdout.write(watchHeader(sourceOf(cycle.report.details), interval, color));
          started = true;
          process.stdout.write(renderWatchCycle(cycle, { color, minSeverity: flags.minSeverity, intervalSeconds: interval }));
      });
      setExitCode(last ? EXIT_CODES[last.status] : EXIT_CODES.error);
    } catch (error) {
      // A first reading that failed: JSON consumers still get their line, then the usual one on stderr (exit 3).
      const failure = describeFailure(error);
      if (failure && flags.format === 'json') process.stdout.write(renderWatchJson({ at: new Date(), error: failure.message, previous: undefined }));
      throw error;
    }
  });
}

/**
 * `hctl health` with these flags every `intervalSeconds` until `cycles` readings or Ctrl-C (or
 * SIGTERM), which ends it after the reading under way; a second Ctrl-C ends the process. Returns
 * the last good report. Shared by `hctl watch` and `hctl serve`.
 */
export async function watchHealth(flags: Parameters<typeof runHealth>[0], intervalSeconds: number, cycles: number | undefined, onCycle: (cycle: WatchCycle) => void): Promise<Report | undefined> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await watchLoop({
      judge: () => runHealth(flags),
      intervalMs: intervalSeconds * 1000,
      ...(cycles !== undefined ? { cycles } : {}),
      signal: controller.signal,
      isExpected: (error) => describeFailure(error)?.message,
      onCycle,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function sourceOf(details: Record<string, unknown>): string {
  const source = details.source as { type: string; location: string } | undefined;
  return source?.type === 'snapshot' ? `snapshot ${source.location}` : `cluster ${source?.location ?? ''}`;
}

/** `--interval`: plain seconds or a Go duration (`30s`, `2m`, `1m30s`), at least a second. */
export function intervalSeconds(value: string): number {
  const parsed = /^\d+(\.\d+)?$/.test(value) ? Number(value) : parseGoDuration(value);
  if (parsed === undefined || parsed < MIN_INTERVAL_SECONDS) throw new UsageError(`--interval must be at least ${MIN_INTERVAL_SECONDS}s (seconds, or a duration such as 30s, 2m), not "${value}"`);
  return parsed;
}

function count(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--cycles must be a whole number of readings, at least 1, not "${value}"`);
  return n;
}
