import path from 'node:path';
import picomatch from 'picomatch';
import type { ConfigSuppression } from '../config/config.js';
import type { Finding, Location } from '../report/finding.js';
import type { ParsedFile } from '../repo/parse.js';
import { closest } from '../text/closest.js';

/** One exception to a rule, written inline (`# hctl-ignore`) or in `.hctl.yaml`. */
export interface Suppression {
  rules: string[];
  reason?: string;
  until?: string;
  location: Location;
  covers(finding: Finding): boolean;
}

const DIRECTIVE = /hctl-ignore\s+([^\s]+)(.*)$/;
const ATTRIBUTE = /(\w+)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;

/**
 * `# hctl-ignore RULE reason="…" until=YYYY-MM-DD` covers its own line when it trails a value;
 * on a line of its own it covers the next line, or the whole document when it sits right above it.
 */
export function inlineSuppressions(files: readonly ParsedFile[]): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const file of files) {
    for (const [line, comment] of file.comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      const attributes = parseAttributes(match[2] ?? '');
      const column = comment.column;
      let covered: (line: number) => boolean;
      if (file.contentLines.has(line)) {
        covered = (findingLine) => findingLine === line;
      } else {
        const next = nextContentLine(file, line);
        const span = file.spans.find((candidate) => candidate.firstLine === next);
        covered = span
          ? (findingLine) => findingLine >= span.firstLine && findingLine <= span.lastLine
          : (findingLine) => findingLine === next;
      }
      const suppression: Suppression = {
        rules: match[1]!.split(',').filter(Boolean),
        location: { file: file.file, line, column },
        covers: (finding) => finding.location?.file === file.file && covered(finding.location.line),
      };
      if (attributes.reason !== undefined) suppression.reason = attributes.reason;
      if (attributes.until !== undefined) suppression.until = attributes.until;
      suppressions.push(suppression);
    }
  }
  return suppressions;
}

export function configSuppressions(entries: readonly ConfigSuppression[], root: string): Suppression[] {
  return entries.map((entry) => {
    const matchesFile = entry.files.length > 0 ? picomatch(entry.files, { dot: true }) : undefined;
    const matchesResource = entry.resource !== undefined ? resourceMatcher(entry.resource) : undefined;
    const suppression: Suppression = {
      rules: entry.rules,
      reason: entry.reason,
      location: { file: toPosix(path.relative(root, entry.file)), line: entry.line, column: entry.column },
      covers: (finding) =>
        (!matchesFile || (finding.location !== undefined && matchesFile(finding.location.file))) &&
        (!matchesResource || matchesResource(finding)),
    };
    if (entry.until !== undefined) suppression.until = entry.until;
    return suppression;
  });
}

/** A problem that makes a suppression unusable, or undefined when it is valid. */
export function suppressionProblem(suppression: Suppression, knownRules: ReadonlySet<string>): string | undefined {
  const unknown = suppression.rules.filter((rule) => !knownRules.has(rule));
  if (suppression.rules.length === 0) return 'hctl-ignore names no rule';
  if (unknown.length > 0) {
    const suggestions = unknown.map((rule) => closest(rule, [...knownRules])).filter((rule) => rule !== undefined);
    return `hctl-ignore names unknown rule ${unknown.join(', ')}${suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : ''}`;
  }
  if (!suppression.reason?.trim()) return `hctl-ignore ${suppression.rules.join(',')} has no reason="…"; it suppresses nothing until it says why`;
  if (suppression.until !== undefined && !isValidDate(suppression.until)) {
    return `hctl-ignore until=${suppression.until} is not a date (YYYY-MM-DD)`;
  }
  return undefined;
}

export function isExpired(suppression: Suppression, today: string): boolean {
  return suppression.until !== undefined && suppression.until < today;
}

function nextContentLine(file: ParsedFile, line: number): number {
  let next = line + 1;
  const last = Math.max(line, ...file.contentLines);
  while (next <= last && !file.contentLines.has(next)) next++;
  return next;
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) attributes[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  return attributes;
}

/** `Kind/name` or `Kind/namespace/name`, each part a glob. */
function resourceMatcher(pattern: string): (finding: Finding) => boolean {
  const parts = pattern.split('/');
  const [kind, namespace, name] = parts.length === 2 ? [parts[0], undefined, parts[1]] : parts;
  const glob = (value: string | undefined) => (value === undefined ? () => true : picomatch(value));
  const kindMatches = glob(kind);
  const namespaceMatches = glob(namespace);
  const nameMatches = glob(name);
  return (finding) =>
    finding.resource !== undefined &&
    kindMatches(finding.resource.kind) &&
    (namespace === undefined || namespaceMatches(finding.resource.namespace ?? '')) &&
    nameMatches(finding.resource.name ?? '');
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
