import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { HistoryStore } from '../../src/serve/history-store.js';
import { HealthState } from '../../src/serve/serve-health.js';
import { findingChanges } from '../../src/watch/finding-changes.js';
import { tempDir } from '../temp-dir.js';

const finding = (name: string, severity: Finding['severity'] = 'critical'): Finding => ({ rule: 'node-not-ready', severity, message: `${name} NotReady for 5m`, hint: 'h', docs: 'd', domain: 'nodes', resource: { apiVersion: 'v1', kind: 'Node', name } });
const report = (...findings: Finding[]): Report => buildReport({ command: 'health', version: '0', findings, details: {}, itemCount: 3, unhealthyItems: findings.length });
const at = new Date('2026-11-24T12:00:00Z');

/** Feeds readings to a HealthState as the watch loop would, and returns what history kept. */
function record(store: HistoryStore, readings: (Report | string)[]): HealthState {
  const state = new HealthState(60, '0');
  let previous: Report | undefined;
  for (const reading of readings) {
    if (typeof reading === 'string') {
      state.record({ at, error: reading, previous }, store);
      continue;
    }
    state.record({ at, report: reading, previous, changes: findingChanges(previous?.findings ?? [], reading.findings) }, store);
    previous = reading;
  }
  return state;
}

describe('HealthState', () => {
  it('keeps the first reading, then only readings that changed something, and failures', () => {
    const store = new HistoryStore(path.join(tempDir('state'), 'h.jsonl'));
    const state = record(store, [report(finding('a')), report(finding('a')), 'cluster unreachable', report(finding('a'), finding('b')), report()]);
    expect(store.all().map((entry) => [entry.status, entry.added?.map((f) => f.resource?.name), entry.resolved?.map((f) => f.resource?.name), entry.error])).toEqual([
      ['critical', ['a'], [], undefined],
      ['error', undefined, undefined, 'cluster unreachable'],
      ['critical', ['b'], [], undefined],
      ['healthy', [], ['a', 'b'], undefined],
    ]);
    expect(store.all()[0]!.added![0]).toEqual({ rule: 'node-not-ready', severity: 'critical', message: 'a NotReady for 5m', domain: 'nodes', resource: { apiVersion: 'v1', kind: 'Node', name: 'a' } });
    expect(state).toMatchObject({ latest: { status: 'healthy' }, lastError: undefined, failedReadings: 1 });
  });

  it('after a restart, records only what changed while it was not watching', () => {
    const file = path.join(tempDir('state'), 'h.jsonl');
    record(new HistoryStore(file), [report(finding('a')), report(finding('a'), finding('b'))]);
    const again = new HistoryStore(file);
    record(again, [report(finding('a'), finding('b'))]);
    expect(again.all()).toHaveLength(2);
    record(again, [report(finding('b'), finding('c'))]);
    expect(again.all().at(-1)).toMatchObject({ added: [{ resource: { name: 'c' } }], resolved: [{ resource: { name: 'a' } }] });
  });

  it('a failed reading keeps the last good one on show, marked by the error', () => {
    const store = new HistoryStore(path.join(tempDir('state'), 'h.jsonl'));
    const state = record(store, [report(finding('a')), 'connection refused']);
    expect(state).toMatchObject({ latest: { status: 'critical' }, lastError: 'connection refused', failedReadings: 1 });
  });
});
