import { setTimeout as sleep } from 'node:timers/promises';
import type { Report } from '../report/report.js';
import { findingChanges, type FindingChanges } from './finding-changes.js';

/** One reading of the watch: the report and what changed since the last good one, or why there is none. */
export type WatchCycle =
  | { at: Date; report: Report; previous: Report | undefined; changes: FindingChanges }
  | { at: Date; error: string; previous: Report | undefined };

export interface WatchOptions {
  /** One reading and its verdict (`hctl health`'s). */
  judge: () => Promise<Report>;
  /** Pause between the end of one reading and the start of the next, so readings never overlap. */
  intervalMs: number;
  /** Stop after this many readings (default: until aborted). */
  cycles?: number;
  signal: AbortSignal;
  onCycle: (cycle: WatchCycle) => void;
  /** Whether an error is one to report and retry (an unreachable cluster) rather than a bug. */
  isExpected: (error: unknown) => string | undefined;
  now?: () => Date;
}

/**
 * Reads and judges again and again, handing each reading to `onCycle`. A first reading that fails
 * ends the watch with its error (nothing to watch: exit 3); a later one is reported and retried at
 * the next interval, and the reading after it is compared with the last good one. Returns the last
 * good report, for the exit code.
 */
export async function watchLoop(options: WatchOptions): Promise<Report | undefined> {
  const now = options.now ?? (() => new Date());
  let last: Report | undefined;
  for (let cycle = 0; options.cycles === undefined || cycle < options.cycles; cycle++) {
    if (cycle > 0) {
      try {
        await sleep(options.intervalMs, undefined, { signal: options.signal });
      } catch {
        break; // aborted: Ctrl-C between readings
      }
    }
    try {
      const report = await options.judge();
      options.onCycle({ at: now(), report, previous: last, changes: findingChanges(last?.findings ?? [], report.findings) });
      last = report;
    } catch (error) {
      const message = options.isExpected(error);
      if (message === undefined || cycle === 0) throw error;
      options.onCycle({ at: now(), error: message, previous: last });
    }
    if (options.signal.aborted) break;
  }
  return last;
}
