import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { renderWatchJson } from '../../src/report/render-watch-json.js';
import { renderWatchCycle } from '../../src/report/render-watch-text.js';
import { buildReport, type Report } from '../../src/report/report.js';
import type { WatchCycle } from '../../src/watch/watch-loop.js';

const at = new Date(2026, 10, 24, 12, 5, 30);
const finding = (severity: Finding['severity'], name: string): Finding => ({ rule: `rule-${severity}`, severity, message: `${name} is broken`, hint: '', docs: '', domain: 'pods', resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'media', name } });
const report = (...findings: Finding[]): Report => buildReport({ command: 'health', version: '0', findings, details: {}, itemCount: 3, unhealthyItems: findings.length });
const text = (cycle: WatchCycle, minSeverity: Finding['severity'] = 'info') => renderWatchCycle(cycle, { color: false, minSeverity, intervalSeconds: 30 });

describe('renderWatchCycle', () => {
  it('the first reading: the time, the verdict and counts, then every finding as new', () => {
    const first = report(finding('critical', 'a'), finding('info', 'b'));
    expect(text({ at, report: first, previous: undefined, changes: { added: first.findings, resolved: [] } })).toBe(
      '12:05:30  CRITICAL  1 critical, 0 warnings, 1 info\n' +
        '  + critical  pods          Pod media/a: a is broken  rule-critical\n' +
        '  + info      pods          Pod media/b: b is broken  rule-info\n',
    );
  });

  it('a later reading: resolved findings (-), new ones (+), and the verdict it moved from', () => {
    const before = report(finding('critical', 'a'));
    const after = report(finding('warning', 'c'));
    expect(text({ at, report: after, previous: before, changes: { added: after.findings, resolved: before.findings } })).toBe(
      '12:05:30  WARNING   0 critical, 1 warning, 0 info  (was CRITICAL)\n' +
        '  - critical  pods          Pod media/a: a is broken  rule-critical\n' +
        '  + warning   pods          Pod media/c: c is broken  rule-warning\n',
    );
  });

  it('nothing changed, or only findings below --min-severity: nothing printed', () => {
    const same = report(finding('warning', 'a'));
    expect(text({ at, report: same, previous: same, changes: { added: [], resolved: [] } })).toBe('');
    expect(text({ at, report: same, previous: same, changes: { added: [finding('info', 'x')], resolved: [] } }, 'warning')).toBe('');
  });

  it('a failed reading: what failed, and when the next try is', () => {
    expect(text({ at, error: 'cannot reach https://10.0.0.1:6443 (context homelab)', previous: undefined })).toBe('12:05:30  ERROR     cannot reach https://10.0.0.1:6443 (context homelab); trying again in 30s\n');
  });
});

describe('renderWatchJson', () => {
  it('one line per reading that changed something; none when nothing did', () => {
    const before = report(finding('critical', 'a'));
    const after = report();
    const line = JSON.parse(renderWatchJson({ at, report: after, previous: before, changes: { added: [], resolved: before.findings } })) as Record<string, unknown>;
    expect(line).toMatchObject({ timestamp: at.toISOString(), status: 'healthy', previousStatus: 'critical', added: [], resolved: [{ rule: 'rule-critical' }] });
    expect(renderWatchJson({ at, report: after, previous: after, changes: { added: [], resolved: [] } })).toBe('');
    expect(JSON.parse(renderWatchJson({ at, error: 'down', previous: before }))).toEqual({ timestamp: at.toISOString(), status: 'error', error: 'down', previousStatus: 'critical' });
  });
});
