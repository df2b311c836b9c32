import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHistoryFile, HISTORY_LIMIT, HistoryStore } from '../../src/serve/history-store.js';
import { tempDir } from '../temp-dir.js';

const entry = (n: number) => ({ timestamp: new Date(Date.UTC(2026, 10, 24, 0, n)).toISOString(), status: 'warning' as const, summary: { total: n, healthy: 0, warnings: 1, critical: 0, info: 0 } });

describe('HistoryStore', () => {
  const xdg = process.env.XDG_STATE_HOME;
  afterEach(() => {
    if (xdg === undefined) delete process.env.XDG_STATE_HOME;
    else process.env.XDG_STATE_HOME = xdg;
  });

  it('appends one JSON line per entry, and reads them back after a restart', () => {
    const file = path.join(tempDir('history'), 'deep', 'homelab.jsonl');
    const store = new HistoryStore(file);
    expect(store.all()).toEqual([]);
    store.append(entry(1));
    store.append(entry(2));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(new HistoryStore(file).all()).toEqual([entry(1), entry(2)]);
  });

  it('a line cut short (a full disk) is skipped; the rest still counts', () => {
    const file = path.join(tempDir('history'), 'h.jsonl');
    writeFileSync(file, `${JSON.stringify(entry(1))}\n{"timestamp": "2026-11-24T00:0\n${JSON.stringify(entry(3))}\n`);
    expect(new HistoryStore(file).all()).toEqual([entry(1), entry(3)]);
  });

  it('keeps the newest entries once the file grows past its limit', () => {
    const file = path.join(tempDir('history'), 'h.jsonl');
    appendFileSync(file, Array.from({ length: HISTORY_LIMIT * 1.25 }, (_, n) => `${JSON.stringify(entry(n))}\n`).join(''));
    const store = new HistoryStore(file);
    store.append(entry(99999));
    expect(store.all()).toHaveLength(HISTORY_LIMIT);
    expect(store.all().at(-1)).toEqual(entry(99999));
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(HISTORY_LIMIT);
  });

  it('a file it cannot write is an error that says which and what to do', () => {
    const dir = tempDir('history');
    mkdirSync(path.join(dir, 'ro'));
    chmodSync(path.join(dir, 'ro'), 0o500);
    const store = new HistoryStore(path.join(dir, 'ro', 'h.jsonl'));
    // root ignores directory permissions: then the append simply works.
    if (process.getuid?.() === 0) return;
    expect(() => store.append(entry(1))).toThrow(/cannot write the history file .*ro\/h\.jsonl: .*\(choose another with --history\)/);
  });

  it('lives under $XDG_STATE_HOME, named after the context', () => {
    process.env.XDG_STATE_HOME = '/state';
    expect(defaultHistoryFile('admin@home lab')).toBe('/state/hctl/history/admin_home_lab.jsonl');
    expect(defaultHistoryFile('')).toBe('/state/hctl/history/cluster.jsonl');
  });
});
