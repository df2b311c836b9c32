import pc from 'picocolors';
import { describeResource, severityRank, type Finding } from './finding.js';
import { countsPhrase } from './listing.js';
import { paint } from './render-health-text.js';
import type { TextOptions } from './render-text.js';
import type { WatchCycle } from '../watch/watch-loop.js';

/**
 * A watch reading as text: the first in full, later ones only when something changed — the verdict
 * and counts with the time, then `+` for each new finding and `-` for each one resolved. An
 * unchanged reading prints nothing, as `kubectl get -w` does.
 */
export function renderWatchCycle(cycle: WatchCycle, options: TextOptions & { intervalSeconds: number }): string {
  const c = pc.createColors(options.color);
  const time = cycle.at.toTimeString().slice(0, 8);
  if ('error' in cycle) return `${time}  ${c.bold(c.red('ERROR'.padEnd(8)))}  ${cycle.error}; trying again in ${options.intervalSeconds}s\n`;
  const shown = (findings: readonly Finding[]) => findings.filter((finding) => severityRank(finding.severity) >= severityRank(options.minSeverity));
  const added = shown(cycle.changes.added);
  const resolved = shown(cycle.changes.resolved);
  const status = cycle.report.status;
  const statusChanged = cycle.previous !== undefined && cycle.previous.status !== status;
  if (cycle.previous !== undefined && !statusChanged && added.length === 0 && resolved.length === 0) return '';
  const verdict = status.toUpperCase().padEnd(8);
  const painted = status === 'critical' ? c.red(verdict) : status === 'warning' ? c.yellow(verdict) : c.green(verdict);
  const was = statusChanged ? c.dim(`  (was ${cycle.previous!.status.toUpperCase()})`) : '';
  const lines = [`${time}  ${c.bold(painted)}  ${countsPhrase(cycle.report.summary)}${was}`];
  const line = (sign: string, finding: Finding) => {
    const resource = finding.resource?.name ? `${describeResource(finding.resource)}: ` : '';
    return `  ${sign} ${paint(c, finding.severity)}  ${(finding.domain ?? '').padEnd(12)}  ${resource}${finding.message}  ${c.dim(finding.rule)}`;
  };
  for (const finding of resolved) lines.push(c.dim(line('-', finding)));
  for (const finding of added) lines.push(line('+', finding));
  return `${lines.join('\n')}\n`;
}

/** The line a watch starts with: what it reads, how often, how to stop it. */
export function watchHeader(source: string, intervalSeconds: number, color: boolean): string {
  return `${pc.createColors(color).dim(`hctl watch: ${source}, every ${intervalSeconds}s; Ctrl-C to stop`)}\n`;
}
