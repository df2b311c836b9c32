import { severityRank, type Finding, type Severity } from '../report/finding.js';
import { countsPhrase, groupFindings, verdictOf } from '../report/listing.js';
import { inventoryLine, unverifiedKindsLine } from '../report/render-text.js';
import type { Inventory, Report } from '../report/report.js';
import type { DomainSummary } from '../engine/check-cluster.js';

/** Which findings an agent asked for. */
export interface FindingFilter {
  minSeverity: Severity;
  rule?: string | undefined;
  /** The resource's namespace. */
  namespace?: string | undefined;
  /** A file, or a directory and everything under it (check). */
  path?: string | undefined;
  /** A health domain (health). */
  domain?: string | undefined;
}

export interface PageRequest {
  offset: number;
  limit: number;
  format: 'text' | 'json';
}

/**
 * One page of a report's findings for an AI agent: the verdict and counts first, then the findings
 * that match, at most `limit` of them, and where the next page starts. Agents' context is small and
 * a real repository has hundreds of findings (the first complaint about Kubernetes MCP servers is
 * tool output that overflows it), so the page is bounded and says what it left out.
 */
export function findingsPage(report: Report, filter: FindingFilter, page: PageRequest): string {
  // Most severe first, so the first page holds what blocks the verdict; otherwise in the report's order.
  const matching = report.findings.filter((finding) => matches(finding, filter)).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const shown = matching.slice(page.offset, page.offset + page.limit);
  const nextOffset = page.offset + shown.length < matching.length ? page.offset + shown.length : undefined;
  if (page.format === 'json') {
    const inventory = report.details.inventory as Inventory | undefined;
    const domains = report.details.domains as Record<string, DomainSummary> | undefined;
    return JSON.stringify({
      verdict: verdictOf(report),
      status: report.status,
      summary: report.summary,
      ...(inventory ? { inventory } : {}),
      ...(domains ? { domains } : {}),
      matching: matching.length,
      offset: page.offset,
      ...(nextOffset !== undefined ? { nextOffset } : {}),
      findings: shown,
    });
  }
  // The inventory or the domains once, on the first page.
  const lines = [`${verdictOf(report)}: ${countsPhrase(report.summary)}`, ...(page.offset === 0 ? contextLines(report) : []), ''];
  const { groups, repeatedHints } = groupFindings(shown, '(no file)');
  for (const { name, isFile, entries } of groups) {
    lines.push(name);
    for (const { finding, hint } of entries) {
      const position = isFile && finding.location ? `${finding.location.line}:${finding.location.column} ` : '';
      const resource = finding.resource?.name ? `${finding.resource.kind} ${finding.resource.namespace ? `${finding.resource.namespace}/` : ''}${finding.resource.name}: ` : '';
      lines.push(`  ${position}${finding.severity} ${resource}${finding.message} [${finding.rule}]`);
      if (hint !== undefined) lines.push(`    hint: ${hint}`);
    }
  }
  if (groups.length > 0) lines.push('');
  lines.push(pageLine(matching.length, page.offset, shown.length, filter, report.findings.length));
  if (repeatedHints > 0) lines.push(`${repeatedHints} repeated hint${repeatedHints === 1 ? '' : 's'} left out; explain_rule has each rule's page.`);
  if (nextOffset !== undefined) lines.push(`More: call again with offset ${nextOffset}.`);
  return lines.join('\n');
}

function matches(finding: Finding, filter: FindingFilter): boolean {
  if (severityRank(finding.severity) < severityRank(filter.minSeverity)) return false;
  if (filter.rule !== undefined && finding.rule !== filter.rule) return false;
  if (filter.namespace !== undefined && finding.resource?.namespace !== filter.namespace) return false;
  if (filter.domain !== undefined && finding.domain !== filter.domain) return false;
  if (filter.path !== undefined) {
    const file = finding.location?.file;
    const prefix = filter.path.replace(/^\.\/+/, '').replace(/\/+$/, '');
    if (file === undefined || (prefix !== '' && file !== prefix && !file.startsWith(`${prefix}/`))) return false;
  }
  return true;
}

/** What was read: the inventory of a check, the domains of a health report. */
function contextLines(report: Report): string[] {
  const inventory = report.details.inventory as Inventory | undefined;
  if (inventory) {
    const unverified = unverifiedKindsLine(inventory, String(report.details.target ?? '.'));
    return [inventoryLine(inventory), ...(unverified ? [unverified] : [])];
  }
  const domains = report.details.domains as Record<string, DomainSummary> | undefined;
  if (!domains) return [];
  const judged = Object.entries(domains).map(([name, summary]) =>
    summary.status === 'not-installed' ? `${name} not installed` : `${name} ${summary.status} (${summary.checked} checked, ${summary.critical} critical, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'})`,
  );
  return [`Domains: ${judged.join('; ')}`];
}

function pageLine(matching: number, offset: number, shown: number, filter: FindingFilter, total: number): string {
  const narrowed = [
    filter.minSeverity !== 'info' ? `${filter.minSeverity} and above` : undefined,
    filter.rule !== undefined ? `rule ${filter.rule}` : undefined,
    filter.namespace !== undefined ? `namespace ${filter.namespace}` : undefined,
    filter.domain !== undefined ? `domain ${filter.domain}` : undefined,
    filter.path !== undefined ? `under ${filter.path}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const of = narrowed.length > 0 ? `${matching} matching (${narrowed.join(', ')}; ${total} in all)` : `${matching}`;
  if (matching === 0) return `No findings${narrowed.length > 0 ? ` match (${narrowed.join(', ')}; ${total} in all)` : ''}.`;
  if (shown === 0) return `No findings from offset ${offset}: there are ${of}.`;
  return `Findings ${offset + 1}–${offset + shown} of ${of}.`;
}
