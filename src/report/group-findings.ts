import type { Finding } from './finding.js';

/** One file's findings, in report order, each with its hint unless the same rule gave the same hint before. */
export interface FileFindings {
  /** The finding's file, or `fallback` for findings that belong to no file. */
  file: string;
  entries: { finding: Finding; hint: string | undefined }[];
}

/**
 * Findings grouped by file, as the text and Markdown reports list them. A hint already shown for the
 * same rule is not repeated: 36 unverified KanidmGroups need one.
 */
export function groupFindings(findings: readonly Finding[], fallback: string): { files: FileFindings[]; repeatedHints: number } {
  const files = new Map<string, FileFindings>();
  const hintsShown = new Set<string>();
  let repeatedHints = 0;
  for (const finding of findings) {
    const file = finding.location?.file ?? fallback;
    let group = files.get(file);
    if (!group) files.set(file, (group = { file, entries: [] }));
    const hint = `${finding.rule}\0${finding.hint}`;
    const repeated = hintsShown.has(hint);
    hintsShown.add(hint);
    if (repeated) repeatedHints++;
    group.entries.push({ finding, hint: repeated ? undefined : finding.hint });
  }
  return { files: [...files.values()], repeatedHints };
}

/** Findings grouped by file (`fallback` for those in no file), in report order. */
export function findingsByFile(findings: readonly Finding[], fallback: string): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const file = finding.location?.file ?? fallback;
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  return byFile;
}
