import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import { fsErrorReason } from '../fs/fs-error-reason.js';
import { writeAtomically } from '../fs/write-atomically.js';
import type { Finding } from '../report/finding.js';
import type { Report, Status } from '../report/report.js';

/** A finding as history keeps it: what it was about and said, not its hint or docs. */
export type HistoryFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'resource' | 'domain'>;

/** One reading that changed something (or the first of a run, or one that failed). */
export interface HistoryEntry {
  timestamp: string;
  status: Status;
  summary?: Report['summary'];
  added?: HistoryFinding[];
  resolved?: HistoryFinding[];
  error?: string;
}

/** Entries kept; older ones are dropped when the file is rewritten. A change a minute for a day and a half. */
export const HISTORY_LIMIT = 2000;

/**
 * A cluster's history as JSON lines, one entry per reading that changed something: appended as it
 * happens, so a crash loses nothing, and read back when `hctl serve` starts again. A line that does
 * not parse (the file cut short by a full disk) is skipped, never fatal.
 */
export class HistoryStore {
  private entries: HistoryEntry[];
  /** Lines in the file, kept or not: it is rewritten with the newest entries when they pass the limit by a quarter. */
  private fileLines: number;

  constructor(readonly file: string) {
    ({ entries: this.entries, lines: this.fileLines } = readEntries(file));
  }

  all(): readonly HistoryEntry[] {
    return this.entries;
  }

  append(entry: HistoryEntry): void {
    this.entries = [...this.entries, entry].slice(-HISTORY_LIMIT);
    this.fileLines++;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      if (this.fileLines > HISTORY_LIMIT * 1.25) {
        this.fileLines = this.entries.length;
        writeAtomically(this.file, this.entries.map((kept) => `${JSON.stringify(kept)}\n`).join(''));
      } else {
        appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
      }
    } catch (error) {
      throw new UsageError(`cannot write the history file ${this.file}: ${fsErrorReason(error)} (choose another with --history)`);
    }
  }
}

function readEntries(file: string): { entries: HistoryEntry[]; lines: number } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], lines: 0 };
    throw new UsageError(`cannot read the history file ${file}: ${fsErrorReason(error)} (choose another with --history)`);
  }
  const entries: HistoryEntry[] = [];
  let lines = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    lines++;
    try {
      const entry = JSON.parse(line) as HistoryEntry;
      if (typeof entry?.timestamp === 'string' && typeof entry.status === 'string') entries.push(entry);
    } catch {
      // A line cut short: the rest of the history still counts.
    }
  }
  return { entries: entries.slice(-HISTORY_LIMIT), lines };
}

/** Where a source's history lives by default: $XDG_STATE_HOME/hctl/history/<source>.jsonl, else ~/.local/state/…. */
export function defaultHistoryFile(source: string): string {
  const base = process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  const name = source.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'cluster';
  return path.join(base, 'hctl', 'history', `${name}.jsonl`);
}

/** The parts of findings history keeps. */
export function historyFindings(findings: readonly Finding[]): HistoryFinding[] {
  return findings.map(({ rule, severity, message, resource, domain }) => ({ rule, severity, message, ...(resource ? { resource } : {}), ...(domain ? { domain } : {}) }));
}
