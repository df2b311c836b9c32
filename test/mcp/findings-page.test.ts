import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { findingsPage, type FindingFilter } from '../../src/mcp/findings-page.js';

function finding(severity: Finding['severity'], file: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { rule: `rule-${severity}`, severity, message: `${severity} at ${line}`, hint: `fix ${severity}`, docs: '', location: { file, line, column: 1 }, resource: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'media', name: `cm-${line}` }, ...extra };
}

function report(findings: Finding[]): Report {
  return buildReport({ command: 'check', version: '0.0.0', findings, details: {}, itemCount: findings.length, unhealthyItems: 0 });
}

const all: FindingFilter = { minSeverity: 'info' };
const page = { offset: 0, limit: 50, format: 'text' as const };

describe('findingsPage', () => {
  it('lists the most severe first, grouped by file, with the verdict on top', () => {
    const text = findingsPage(report([finding('info', 'a.yaml', 1), finding('warning', 'a.yaml', 2), finding('critical', 'b.yaml', 3)]), all, page);
    expect(text).toBe(
      [
        'NO-GO: 1 critical, 1 warning, 1 info',
        '',
        'b.yaml',
        '  3:1 critical ConfigMap media/cm-3: critical at 3 [rule-critical]',
        '    hint: fix critical',
        'a.yaml',
        '  2:1 warning ConfigMap media/cm-2: warning at 2 [rule-warning]',
        '    hint: fix warning',
        '  1:1 info ConfigMap media/cm-1: info at 1 [rule-info]',
        '    hint: fix info',
        '',
        'Findings 1–3 of 3.',
      ].join('\n'),
    );
  });

  it('a page ends with where the next one starts; a page past the end says how many there are', () => {
    const findings = [1, 2, 3].map((line) => finding('warning', 'a.yaml', line));
    const first = findingsPage(report(findings), all, { ...page, limit: 2 });
    expect(first).toContain('Findings 1–2 of 3.\n');
    expect(first.endsWith('More: call again with offset 2.')).toBe(true);
    expect(findingsPage(report(findings), all, { ...page, offset: 2, limit: 2 })).not.toContain('More:');
    expect(findingsPage(report(findings), all, { ...page, offset: 5 })).toContain('No findings from offset 5: there are 3.');
  });

  it('filters by severity, rule, namespace and path; a directory is not a name prefix', () => {
    const findings = [
      finding('critical', 'apps/a.yaml', 1),
      finding('warning', 'apps2/b.yaml', 2),
      finding('warning', 'apps/sub/c.yaml', 3, { resource: { apiVersion: 'v1', kind: 'Secret', namespace: 'home', name: 's' } }),
    ];
    const lines = (filter: Partial<FindingFilter>) => findingsPage(report(findings), { ...all, ...filter }, page).split('\n').filter((line) => /^  \d/.test(line));
    expect(lines({ path: 'apps' })).toEqual(['  1:1 critical ConfigMap media/cm-1: critical at 1 [rule-critical]', '  3:1 warning Secret home/s: warning at 3 [rule-warning]']);
    expect(lines({ path: './apps/sub/' })).toEqual(['  3:1 warning Secret home/s: warning at 3 [rule-warning]']);
    expect(lines({ namespace: 'home' })).toHaveLength(1);
    expect(lines({ minSeverity: 'critical' })).toHaveLength(1);
    expect(lines({ rule: 'rule-warning', path: 'apps2' })).toEqual(['  2:1 warning ConfigMap media/cm-2: warning at 2 [rule-warning]']);
    expect(findingsPage(report(findings), { ...all, rule: 'nope' }, page)).toContain('No findings match (rule nope; 3 in all).');
  });

  it('a hint the same rule gave before on the page is left out, and counted', () => {
    const text = findingsPage(report([finding('warning', 'a.yaml', 1), finding('warning', 'b.yaml', 2)]), all, page);
    expect(text.match(/hint: fix warning/g)).toHaveLength(1);
    expect(text).toContain("1 repeated hint left out; explain_rule has each rule's page.");
  });

  it('health findings group by domain, with the domains summed up on the first page only', () => {
    const health = { ...report([{ ...finding('critical', '', 0), location: undefined, domain: 'nodes' }]), command: 'health' };
    health.details = { domains: { nodes: { status: 'critical', checked: 3, critical: 1, warnings: 1, info: 0 }, argocd: { status: 'not-installed', checked: 0, critical: 0, warnings: 0, info: 0 } } };
    const text = findingsPage(health, all, page);
    expect(text.split('\n').slice(0, 5)).toEqual([
      'CRITICAL: 1 critical, 0 warnings, 0 info',
      'Domains: nodes critical (3 checked, 1 critical, 1 warning); argocd not installed',
      '',
      'nodes',
      '  critical ConfigMap media/cm-0: critical at 0 [rule-critical]',
    ]);
    expect(findingsPage(health, all, { ...page, offset: 1 })).not.toContain('Domains:');
  });

  it('json: the verdict, the counts, the page and the next offset', () => {
    const findings = [finding('warning', 'a.yaml', 1), finding('critical', 'a.yaml', 2)];
    const json = JSON.parse(findingsPage(report(findings), all, { offset: 0, limit: 1, format: 'json' })) as Record<string, unknown>;
    expect(json).toMatchObject({ verdict: 'NO-GO', status: 'critical', matching: 2, offset: 0, nextOffset: 1, findings: [{ severity: 'critical', location: { line: 2 } }] });
  });
});
