import type { WatchCycle } from '../watch/watch-loop.js';

/**
 * A watch reading as one JSON line (NDJSON), printed when something changed: the first reading
 * with every finding as `added`, later ones with what appeared and what was resolved; a reading
 * that failed as status `error`. Findings keep the report contract's shape (docs/report.md).
 */
export function renderWatchJson(cycle: WatchCycle): string {
  const timestamp = cycle.at.toISOString();
  if ('error' in cycle) return `${JSON.stringify({ timestamp, status: 'error', error: cycle.error, ...(cycle.previous ? { previousStatus: cycle.previous.status } : {}) })}\n`;
  const { report, previous, changes } = cycle;
  if (previous && previous.status === report.status && changes.added.length === 0 && changes.resolved.length === 0) return '';
  return `${JSON.stringify({
    timestamp,
    status: report.status,
    ...(previous ? { previousStatus: previous.status } : {}),
    summary: report.summary,
    added: changes.added,
    resolved: changes.resolved,
  })}\n`;
}
