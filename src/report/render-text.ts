import pc from 'picocolors';
import { describeResource, type Finding, type Severity } from './finding.js';
import { countsPhrase, groupFindings, listedFindings } from './listing.js';
import type { Inventory, Report } from './report.js';

type Colors = ReturnType<typeof pc.createColors>;

export interface TextOptions {
  color: boolean;
  /** Findings below this severity are counted but not listed. */
  minSeverity: Severity;
}

/** Human output: findings grouped by file, a summary, and `GO` or `NO-GO` as the last line. */
export function renderText(report: Report, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const shown = listedFindings(report, options.minSeverity);
  const { groups, repeatedHints } = groupFindings(shown, '(no file)');
  for (const { name, entries } of groups) {
    lines.push(c.underline(name));
    for (const { finding, hint } of entries) {
      const position = finding.location ? `${finding.location.line}:${finding.location.column}` : '';
      lines.push(`  ${position.padEnd(8)} ${paint(c, finding.severity)}  ${resourceLabel(c, finding)}${finding.message}  ${c.dim(finding.rule)}`);
      if (hint !== undefined) lines.push(`  ${' '.repeat(8)} ${' '.repeat(8)}  ${c.dim(`hint: ${hint}`)}`);
    }
    lines.push('');
  }
  if (repeatedHints > 0) lines.push(c.dim(`(${repeatedHints} repeated hint${repeatedHints === 1 ? '' : 's'} not shown again; \`hctl explain RULE\` has each rule's page)`), '');
  const inventory = report.details.inventory as Inventory | undefined;
  if (inventory) {
    lines.push(inventoryLine(inventory));
    const unverified = unverifiedKindsLine(inventory, String(report.details.target ?? '.'));
    if (unverified) lines.push(unverified);
  }
  const base = report.details.base as { ref: string; commit: string; objects: number } | undefined;
  if (base) lines.push(`Compared with ${base.ref} (${base.commit}): ${count(base.objects, 'object')} reached the cluster there`);
  const hidden = report.findings.length - shown.length;
  lines.push(`Findings: ${countsPhrase(report.summary)}${hidden > 0 ? c.dim(` (${hidden} below ${options.minSeverity} not listed)`) : ''}`);
  lines.push(report.status === 'critical' ? c.bold(c.red('NO-GO')) : c.bold(c.green('GO')));
  return `${lines.join('\n')}\n`;
}

export function inventoryLine(inventory: Inventory): string {
  // Rounded down, so 96.99% never reads as the 97% a target asks for.
  const validatedShare = inventory.documents > 0 ? ` (${(Math.floor((inventory.validated / inventory.documents) * 1000) / 10).toFixed(1)}%)` : '';
  return (
    `Checked ${count(inventory.files, 'file')}: ${count(inventory.documents, 'document')}, ${count(inventory.kustomizations, 'kustomization')}, ` +
    `${inventory.validated} validated${validatedShare}, ${inventory.unverified} unverified, ${inventory.templated} templated, ` +
    `${inventory.sopsEncrypted} SOPS-encrypted, ${inventory.skipped} skipped`
  );
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** What to do about documents without a schema, by kind, most frequent first. */
export function unverifiedKindsLine(inventory: Inventory, target: string): string | undefined {
  const kinds = Object.entries(inventory.unverifiedKinds).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (kinds.length === 0) return undefined;
  const shown = kinds.slice(0, SHOWN_KINDS).map(([kind, count]) => `${kind} ×${count}`);
  const hidden = kinds.length - SHOWN_KINDS;
  const more = hidden > 0 ? ` and ${hidden} more kind${hidden === 1 ? '' : 's'}` : '';
  return `No schema for ${shown.join(', ')}${more}: commit their CRDs, or save them from the cluster with \`hctl schemas pull -o DIR --for ${target}\` and check with --schema-dir DIR`;
}

const SHOWN_KINDS = 5;

function resourceLabel(c: Colors, finding: Finding): string {
  return finding.resource ? c.bold(`${describeResource(finding.resource)}: `) : '';
}

function paint(c: Colors, severity: Severity): string {
  const label = severity.padEnd(8);
  if (severity === 'critical') return c.red(label);
  if (severity === 'warning') return c.yellow(label);
  return c.blue(label);
}
