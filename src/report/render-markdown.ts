import type { DomainSummary } from '../engine/check-cluster.js';
import { describeResource, type Finding, type Severity } from './finding.js';
import { countsPhrase, groupFindings, listedFindings, verdictOf } from './listing.js';
import { inventoryLine, unverifiedKindsLine } from './render-text.js';
import type { Inventory, Report } from './report.js';

const MARK: Record<Severity, string> = { critical: '🔴', warning: '🟡', info: 'ℹ️' };
const STATUS_MARK: Record<string, string> = { critical: '❌', warning: '⚠️', healthy: '✅', error: '❌' };

/**
 * Markdown for a pull-request comment, a CI job summary (`>> $GITHUB_STEP_SUMMARY`) or an incident
 * note: the verdict first, then what the text report shows — findings by file (check) or domain
 * (health), each hint once per rule, and the inventory or the domains' table.
 */
export function renderMarkdown(report: Report, options: { minSeverity: Severity }): string {
  const shown = listedFindings(report, options.minSeverity);
  const target = String(report.details.target ?? (report.details.source as { location?: string } | undefined)?.location ?? '.');
  const lines = [`## hctl ${report.command} ${inline(target)}: ${STATUS_MARK[report.status]} ${verdictOf(report)}`, '', `**${countsPhrase(report.summary)}**`];
  const inventory = report.details.inventory as Inventory | undefined;
  if (inventory) {
    lines.push('', escape(inventoryLine(inventory)));
    const unverified = unverifiedKindsLine(inventory, target);
    if (unverified) lines.push('', escape(unverified));
  }
  for (const { name, isFile, entries } of groupFindings(shown, target).groups) {
    lines.push('', `#### ${isFile ? inline(name) : escape(name)}`, '');
    for (const { finding, hint } of entries) {
      lines.push(`- ${MARK[finding.severity]} **${finding.severity}** ${position(finding)}${resource(finding)}${escape(finding.message)} (${inline(finding.rule)})`);
      if (hint !== undefined) lines.push(`  <br>↳ ${escape(hint)}`);
    }
  }
  const hidden = report.findings.length - shown.length;
  if (hidden > 0) lines.push('', `_${hidden} finding${hidden === 1 ? '' : 's'} below ${options.minSeverity} not listed._`);
  const domains = Object.entries((report.details.domains ?? {}) as Record<string, DomainSummary>);
  if (domains.length > 0) {
    lines.push('', '| domain | status | checked | critical | warnings |', '|---|---|--:|--:|--:|');
    for (const [domain, summary] of domains) {
      if (summary.status === 'not-installed') lines.push(`| ${escape(domain)} | not installed | | | |`);
      else lines.push(`| ${escape(domain)} | ${STATUS_MARK[summary.status]} ${summary.status} | ${summary.checked} | ${summary.critical} | ${summary.warnings} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function position(finding: Finding): string {
  return finding.location ? `${inline(`${finding.location.line}:${finding.location.column}`)} ` : '';
}

function resource(finding: Finding): string {
  return finding.resource?.name ? `${escape(describeResource(finding.resource))}: ` : '';
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
