// What every report format shares: which findings it lists, how they group, how the report sums up.
import { severityRank, type Finding, type Severity } from './finding.js';
import type { Report } from './report.js';

/** The findings a report lists at `--min-severity` (the rest are only counted). */
export function listedFindings(report: Report, minSeverity: Severity): Finding[] {
  return report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(minSeverity));
}

/** `2 critical, 1 warning, 0 info`, as every format sums a report up. */
export function countsPhrase(summary: Report['summary']): string {
  return `${summary.critical} critical, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.info} info`;
}

/** One group's findings, in report order, each with its hint unless the same rule gave the same hint before. */
export interface FindingGroup {
  name: string;
  /** The group is a file (check), not a health domain or the checked target. */
  isFile: boolean;
  entries: { finding: Finding; hint: string | undefined }[];
}

/**
 * Findings grouped as reports list them: by file for `hctl check`, by domain for `hctl health`,
 * under `fallback` when a finding has neither. A hint already shown for the same rule is not
 * repeated: 36 unverified KanidmGroups need one.
 */
export function groupFindings(findings: readonly Finding[], fallback: string): { groups: FindingGroup[]; repeatedHints: number } {
  const groups = new Map<string, FindingGroup>();
  const hintsShown = new Set<string>();
  let repeatedHints = 0;
  for (const finding of findings) {
    const name = finding.location?.file ?? finding.domain ?? fallback;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, isFile: finding.location !== undefined, entries: [] }));
    const hint = `${finding.rule}\0${finding.hint}`;
    const repeated = hintsShown.has(hint);
    hintsShown.add(hint);
    if (repeated) repeatedHints++;
    group.entries.push({ finding, hint: repeated ? undefined : finding.hint });
  }
  return { groups: [...groups.values()], repeatedHints };
}

/** The report's verdict in words: GO/NO-GO for a check, the status for a health report. */
export function verdictOf(report: Report): string {
  if (report.command === 'check') return report.status === 'critical' ? 'NO-GO' : report.status === 'warning' ? 'GO, with warnings' : 'GO';
  return report.status.toUpperCase();
}
