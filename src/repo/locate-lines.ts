import type { Location } from '../report/finding.js';
import type { NodePath } from './object.js';

interface Line {
  /** 0-based line number in the file. */
  number: number;
  indent: number;
  text: string;
}

/** A mapping key or sequence dash: where it is and where its value starts. */
interface Entry {
  key: string | undefined;
  keyLine: Line;
  keyColumn: number;
  /** The value's first character on the key's line; undefined when the value starts below. */
  inlineColumn: number | undefined;
  /** Lines after the entry's line that belong to it (deeper indentation). */
  childrenStart: number;
  childrenEnd: number;
}

/** Keys whose plain spelling YAML 1.1 reads as something else (`on` is true): the CST resolves those. */
const AMBIGUOUS_KEY = /^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|[-+.\d].*)$/;
/** Anchors, aliases, tags, flow collections, complex keys and merge keys are left to the CST. */
const UNUSUAL_VALUE = /^[&*!{[?]/;
const FLOW_START = /^[{[]/;
const KEY = /^(?:"([^"\\]*)"|'([^']*)'|([^\s"'#&*!{}[\]?|>%@`,-][^#]*?|-[^\s#][^#]*?))\s*:(?:\s|$)/;

/**
 * Positions from the lines of plain block YAML, the shape nearly every manifest has: the same
 * answers as the CST locator for block mappings and sequences, at a fraction of the cost. Anything
 * it is not sure of (flow collections, anchors and aliases, tags, directives, merge keys, keys YAML
 * 1.1 reads as booleans or numbers, tabs) makes it answer undefined, and the CST takes over.
 */
export class LineLocator {
  private readonly documents: Line[][] = [];
  private readonly usable: boolean;

  constructor(text: string) {
    this.usable = !text.includes('\t') && !text.startsWith('\uFEFF') && !/^%/m.test(text);
    if (!this.usable) return;
    let current: Line[] = [];
    const close = () => {
      // Empty documents (only comments, or a null scalar) are not counted, as the parsers do not.
      if (current.length > 0 && !(current.length === 1 && /^(?:~|null|Null|NULL)\s*(?:#.*)?$/.test(current[0]!.text.trim()))) this.documents.push(current);
      current = [];
    };
    text.split('\n').forEach((raw, number) => {
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (text.startsWith('---') || text.startsWith('...')) {
        const rest = text.slice(3).trim();
        close();
        // `--- value` starts a document on the separator's own line: marked, so the CST answers.
        if (rest !== '' && !rest.startsWith('#')) current.push({ number, indent: -1, text: '' });
        return;
      }
      const trimmed = text.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      current.push({ number, indent: text.length - trimmed.length, text });
    });
    close();
  }

  /** `documentOrdinal` counts non-empty documents, as the fast parser does. */
  locate(documentOrdinal: number, file: string, path: NodePath, wantKey: boolean): Location | undefined {
    if (!this.usable) return undefined;
    const lines = this.documents[documentOrdinal];
    if (!lines || lines.some((line) => line.indent === -1)) return undefined;
    let start = 0;
    let end = lines.length;
    // The node the path has reached: its first line and column (a block node starts at its first entry).
    let at: { line: Line; column: number } = { line: lines[0]!, column: lines[0]!.indent };
    let inline: { line: Line; column: number } | undefined;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (inline) {
        // A scalar (or flow value) on the key's line has no children to descend into.
        if (UNUSUAL_VALUE.test(inline.line.text.slice(inline.column))) return undefined;
        break;
      }
      if (start >= end) break;
      const entries = this.entriesAt(lines, start, end, at.line === lines[start] ? at.column : lines[start]!.indent);
      if (!entries) return undefined;
      const isSequence = entries[0]!.key === undefined;
      let entry: Entry | undefined;
      if (isSequence) {
        if (typeof segment !== 'number') break;
        entry = entries[segment];
        if (!entry) break;
      } else {
        entry = entries.find((candidate) => candidate.key === String(segment));
        if (!entry) {
          if (entries.some((candidate) => candidate.key === '<<')) return undefined;
          break;
        }
      }
      const valueLine = entry.keyLine;
      if (entry.inlineColumn !== undefined) {
        const value = valueLine.text.slice(entry.inlineColumn);
        // A flow collection where the path ends (`resources: {}`) starts at its bracket; inside it, ask the CST.
        if (UNUSUAL_VALUE.test(value) && !(last && FLOW_START.test(value))) return undefined;
        if (isSequence && KEY.test(value)) {
          // `- key: value` opens a mapping on the dash's line.
          at = { line: valueLine, column: entry.inlineColumn };
          start = lines.indexOf(valueLine);
          end = entry.childrenEnd;
          inline = undefined;
          continue;
        }
        inline = { line: valueLine, column: entry.inlineColumn };
        at = (last && wantKey && !isSequence) ? { line: valueLine, column: entry.keyColumn } : inline;
        continue;
      }
      if (entry.childrenStart >= entry.childrenEnd) {
        // `key:` with nothing under it: null; the key is the deepest existing place.
        if (isSequence) break;
        at = { line: valueLine, column: entry.keyColumn };
        start = end;
        continue;
      }
      const first = lines[entry.childrenStart]!;
      start = entry.childrenStart;
      end = entry.childrenEnd;
      at = last && wantKey && !isSequence ? { line: valueLine, column: entry.keyColumn } : { line: first, column: first.indent };
      if (UNUSUAL_VALUE.test(first.text.slice(first.indent)) || /^[|>]/.test(first.text.slice(first.indent))) return undefined;
    }
    return { file, line: at.line.number + 1, column: at.column + 1 };
  }

  /**
   * The entries of the block collection whose entries start at `column` on lines [start, end):
   * all mapping keys, or all sequence dashes. Undefined for anything else.
   */
  private entriesAt(lines: Line[], start: number, end: number, column: number): Entry[] | undefined {
    const entries: Entry[] = [];
    let kind: 'map' | 'seq' | undefined;
    for (let index = start; index < end; index++) {
      const line = lines[index]!;
      const lineColumn = index === start ? column : line.indent;
      if (index !== start && line.indent < column) return undefined;
      if (index !== start && line.indent > column) continue;
      const rest = line.text.slice(lineColumn);
      let entry: Entry;
      if (rest === '-' || rest.startsWith('- ')) {
        if (kind === 'map') return undefined;
        kind = 'seq';
        const after = rest.slice(1);
        const offset = after.length - after.trimStart().length;
        const inlineValue = after.trim() === '' || after.trimStart().startsWith('#') ? undefined : lineColumn + 1 + offset;
        entry = { key: undefined, keyLine: line, keyColumn: lineColumn, inlineColumn: inlineValue, childrenStart: index + 1, childrenEnd: index + 1 };
      } else {
        const match = KEY.exec(rest);
        if (!match) return undefined;
        if (kind === 'seq') return undefined;
        kind = 'map';
        const key = match[1] ?? match[2] ?? match[3]!.trimEnd();
        if (match[3] !== undefined && (AMBIGUOUS_KEY.test(key) || key.includes(': '))) return undefined;
        const after = rest.slice(match[0].length);
        const trimmed = after.trimStart();
        const inlineValue = trimmed === '' || trimmed.startsWith('#') ? undefined : lineColumn + match[0].length + (after.length - trimmed.length);
        entry = { key, keyLine: line, keyColumn: lineColumn, inlineColumn: inlineValue, childrenStart: index + 1, childrenEnd: index + 1 };
      }
      // Children: the following lines indented deeper than this entry (a compact sequence under a
      // key sits at the key's own column, and belongs to it too).
      let next = index + 1;
      while (next < end) {
        const candidate = lines[next]!;
        const compactSequence = kind === 'map' && entry.inlineColumn === undefined && candidate.indent === column && /^-(?: |$)/.test(candidate.text.slice(column));
        if (candidate.indent <= column && !compactSequence) break;
        next++;
      }
      entry.childrenEnd = next;
      entries.push(entry);
      index = next - 1;
    }
    return entries.length > 0 ? entries : undefined;
  }
}
