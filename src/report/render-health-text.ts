import pc from 'picocolors';
import type { DomainSummary } from '../engine/check-cluster.js';
import { describeResource, type Finding, type Severity } from './finding.js';
import type { Report } from './report.js';
import type { TextOptions } from './render-text.js';
import { countsPhrase, listedFindings } from './listing.js';

/** Human output of `hctl health`: findings by domain, a per-domain table, and the verdict last. */
export function renderHealthText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const details = report.details as { source?: { type: string; location: string }; serverVersion?: string; takenAt?: string; domains?: Record<string, DomainSummary>; requests?: number };
  const from = details.source?.type === 'snapshot' ? `snapshot ${details.source.location} (taken ${details.takenAt})` : `cluster ${details.source?.location ?? ''}`;
  lines.push(c.dim(`hctl health: ${from}${details.serverVersion ? `, Kubernetes ${details.serverVersion}` : ''}${details.requests !== undefined ? `, ${details.requests} API requests` : ''}`), '');

  const shown = listedFindings(report, options.minSeverity);
  const byDomain = new Map<string, Finding[]>();
  for (const finding of shown) byDomain.set(finding.domain ?? 'cluster', [...(byDomain.get(finding.domain ?? 'cluster') ?? []), finding]);
  for (const [domain, findings] of byDomain) {
    lines.push(c.underline(domain));
    for (const finding of findings) {
      const resource = finding.resource?.name ? c.bold(`${describeResource(finding.resource)}: `) : '';
      lines.push(`  ${paint(c, finding.severity)}  ${resource}${finding.message}  ${c.dim(finding.rule)}`);
      lines.push(`  ${' '.repeat(8)}  ${c.dim(`hint: ${finding.hint}`)}`);
    }
    lines.push('');
  }

  const domains = Object.entries(details.domains ?? {});
  const width = Math.max(8, ...domains.map(([name]) => name.length));
  for (const [name, summary] of domains) {
    const status = summary.status === 'not-installed' ? c.dim('not installed') : paintStatus(c, summary.status);
    const counts = summary.status === 'not-installed' ? '' : c.dim(`  ${summary.checked} checked, ${summary.critical} critical, ${plural(summary.warnings, 'warning')}`);
    lines.push(`${name.padEnd(width)}  ${status}${counts}`);
  }
  const hidden = report.findings.length - shown.length;
  lines.push('', `Findings: ${countsPhrase(report.summary)}${hidden > 0 ? c.dim(` (${hidden} below ${options.minSeverity} not listed)`) : ''}`);
  lines.push(report.status === 'critical' ? c.bold(c.red('CRITICAL')) : report.status === 'warning' ? c.bold(c.yellow('WARNING')) : c.bold(c.green('HEALTHY')));
  return `${lines.join('\n')}\n`;
}

export function paint(c: ReturnType<typeof pc.createColors>, severity: Severity): string {
  const label = severity.padEnd(8);
  return severity === 'critical' ? c.red(label) : severity === 'warning' ? c.yellow(label) : c.blue(label);
}

function paintStatus(c: ReturnType<typeof pc.createColors>, status: string): string {
  return status === 'critical' ? c.red(status) : status === 'warning' ? c.yellow(status) : c.green(status);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
