import pc from 'picocolors';
import { describeResource } from './finding.js';
import { countsPhrase, listedFindings, verdictOf } from './listing.js';
import { paint } from './render-health-text.js';
import type { Report } from './report.js';
import type { TextOptions } from './render-text.js';

type Colors = ReturnType<typeof pc.createColors>;

/** The first line of a deep dive (`hctl debug pod`, `hctl netpol`): where the state came from. */
export function deepDiveHeader(command: string, report: Report, c: Colors): string {
  const details = report.details as { source?: { type: string; location: string }; serverVersion?: string; takenAt?: string; requests?: number };
  const from = details.source?.type === 'snapshot' ? `snapshot ${details.source.location} (taken ${details.takenAt})` : `cluster ${details.source?.location ?? ''}`;
  return c.dim(`hctl ${command}: ${from}${details.serverVersion ? `, Kubernetes ${details.serverVersion}` : ''}${details.requests !== undefined ? `, ${details.requests} API requests` : ''}`);
}

/** The findings with their hints, the counts, and the verdict as the last line. */
export function findingsAndVerdict(report: Report, options: TextOptions, c: Colors): string[] {
  const lines = [c.underline('Findings')];
  const shown = listedFindings(report, options.minSeverity);
  if (shown.length === 0) lines.push(`  ${c.dim('none')}`);
  for (const finding of shown) {
    const resource = finding.resource?.name ? c.bold(`${describeResource(finding.resource)}: `) : '';
    lines.push(`  ${paint(c, finding.severity)}  ${resource}${finding.message}  ${c.dim(finding.rule)}`, `  ${' '.repeat(8)}  ${c.dim(`hint: ${finding.hint}`)}`);
  }
  const hidden = report.findings.length - shown.length;
  lines.push('', `Findings: ${countsPhrase(report.summary)}${hidden > 0 ? c.dim(` (${hidden} below ${options.minSeverity} not listed)`) : ''}`);
  const verdict = verdictOf(report);
  lines.push(report.status === 'critical' ? c.bold(c.red(verdict)) : report.status === 'warning' ? c.bold(c.yellow(verdict)) : c.bold(c.green(verdict)));
  return lines;
}
