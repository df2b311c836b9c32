import type { Location } from '../report/finding.js';
import { CstLocator } from './locate-cst.js';
import type { NodePath } from './object.js';

/**
 * Locates `path` in an object, following it into a YAML string written as a literal block
 * (`values: |` of an Argo CD Application) when it leads there: the string is located first, then
 * the rest of the path inside it, shifted by the block's first line and indentation. Anything
 * else — a folded or quoted string, a path that stops at the string — is located as usual.
 */
export function locateThroughStrings(body: unknown, path: NodePath, wantKey: boolean, locate: (path: NodePath, wantKey: boolean) => Location, text: () => string): Location {
  let value = body;
  for (let index = 0; index < path.length - 1; index++) {
    if (value === null || typeof value !== 'object') break;
    value = (value as Record<string | number, unknown>)[path[index]!];
    if (typeof value !== 'string') continue;
    const at = locate(path.slice(0, index + 1), false);
    return insideBlock(value, at, path.slice(index + 1), wantKey, text()) ?? at;
  }
  return locate(path, wantKey);
}

function insideBlock(content: string, at: Location, rest: NodePath, wantKey: boolean, text: string): Location | undefined {
  const lines = text.split(/\r?\n/);
  // `at` is the block's header (`|`, `|-`, `|2`); its content starts on the next line.
  if (!lines[at.line - 1]?.slice(at.column - 1).startsWith('|')) return undefined;
  const contentLines = content.split('\n');
  const first = contentLines.findIndex((line) => line.trim() !== '');
  const raw = lines[at.line + first];
  if (first === -1 || raw === undefined) return undefined;
  const indent = leadingSpaces(raw) - leadingSpaces(contentLines[first]!);
  const inner = new CstLocator(content).locate(0, at.file, rest, wantKey);
  return inner && { file: at.file, line: at.line + inner.line, column: inner.column + indent };
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}
