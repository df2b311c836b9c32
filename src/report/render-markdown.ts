import { describeResource, severityRank, type Finding, type Severity } from './finding.js';
import { groupFindings } from './group-findings.js';
import { inventoryLine, unverifiedKindsLine } from './render-text.js';
import type { Inventory, Report } from './report.js';

const MARK: Record<Severity, string> = { critical: '🔴', warning: '🟡', info: 'ℹ️' };

/**
 * Markdown for a pull-request comment or a CI job summary (`>> $GITHUB_STEP_SUMMARY`): the verdict
 * first, then the text report's content — findings by file, each hint once per rule, the inventory.
 */
export function renderMarkdown(report: Report, options: { minSeverity: Severity }): string {
  const shown = report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(options.minSeverity));
  const target = String(report.details.target ?? '.');
  const verdict = report.status === 'critical' ? '❌ NO-GO' : report.status === 'warning' ? '⚠️ GO, with warnings' : '✅ GO';
  const counts = `${report.summary.critical} critical, ${report.summary.warnings} warning${report.summary.warnings === 1 ? '' : 's'}, ${report.summary.info} info`;
  const lines = [`## hctl ${report.command} ${inline(target)}: ${verdict}`, '', `**${counts}**`];
  const inventory = report.details.inventory as Inventory | undefined;
  if (inventory) {
    lines.push('', escape(inventoryLine(inventory)));
    const unverified = unverifiedKindsLine(inventory, target);
    if (unverified) lines.push('', escape(unverified));
  }
  for (const { file, entries } of groupFindings(shown, target).files) {
    lines.push('', `#### ${inline(file)}`, '');
    for (const { finding, hint } of entries) {
      lines.push(`- ${MARK[finding.severity]} **${finding.severity}** ${position(finding)}${resource(finding)}${escape(finding.message)} (${inline(finding.rule)})`);
      if (hint !== undefined) lines.push(`  <br>↳ ${escape(hint)}`);
    }
  }
  const hidden = report.findings.length - shown.length;
  if (hidden > 0) lines.push('', `_${hidden} finding${hidden === 1 ? '' : 's'} below ${options.minSeverity} not listed._`);
  return `${lines.join('\n')}\n`;
}

function position(finding: Finding): string {
  return finding.location ? `${inline(`${finding.location.line}:${finding.location.column}`)} ` : '';
}

function resource(finding: Finding): string {
  return finding.resource ? `${escape(describeResource(finding.resource))}: ` : '';
}

/** A code span that holds any text: fenced with more backticks than the text has in a row. */
function inline(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Text as Markdown shows it literally: `<app-name>` stays visible (GitHub drops unknown HTML
 * tags), `*`, `_` and `|` do not format. The hints' own code spans (`hctl schemas pull …`) stay
 * code spans when their backticks pair up.
 */
function escape(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  const parts = oneLine.split('`');
  if (parts.length % 2 === 0) return plain(oneLine);
  return parts.map((part, index) => (index % 2 === 1 ? inline(part) : plain(part))).join('');
}

function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (character) => (character === '<' ? '&lt;' : character === '>' ? '&gt;' : `\\${character}`));
}
