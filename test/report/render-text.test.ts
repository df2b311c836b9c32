import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/render-text.js';
import type { Inventory, Report } from '../../src/report/report.js';

const inventory = (unverifiedKinds: Record<string, number>, validated = 7, documents = 10): Inventory => ({
  files: 3,
  documents,
  validated,
  unverified: 3,
  unverifiedKinds,
  templated: 0,
  kustomizations: 1,
  sopsEncrypted: 0,
  skipped: 0,
  otherDocuments: 0,
  emptyDocuments: 0,
});

const report = (kinds: Record<string, number>, validated?: number, documents?: number): Report => ({
  schemaVersion: '1.1',
  tool: { name: 'hctl', version: 'test' },
  command: 'check',
  status: 'healthy',
  timestamp: '2026-11-23T00:00:00Z',
  summary: { total: 10, healthy: 10, warnings: 0, critical: 0, info: 0 },
  details: { target: 'repo', inventory: inventory(kinds, validated, documents) },
  issues: [],
  findings: [],
});

const text = (kinds: Record<string, number>) => renderText(report(kinds), { color: false, minSeverity: 'info' });

describe('the text summary', () => {
  it('rounds the validated share down, so 96.99% never reads as the 97% a target asks for', () => {
    expect(renderText(report({}, 9699, 10000), { color: false, minSeverity: 'info' })).toContain('9699 validated (96.9%)');
  });

  it('names the kinds without a schema, most frequent first, and counts the rest in the right number', () => {
    const six = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F'].map((kind, index) => [`example.com/v1/${kind}`, 6 - index]));
    expect(text(six)).toContain('No schema for example.com/v1/A ×6, example.com/v1/B ×5, example.com/v1/C ×4, example.com/v1/D ×3, example.com/v1/E ×2 and 1 more kind:');
    expect(text({ ...six, 'example.com/v1/G': 1 })).toContain(' and 2 more kinds:');
    expect(text({})).not.toContain('No schema for');
  });

  it('counts in the right number', () => {
    expect(renderText({ ...report({}, 1, 1), details: { target: 'repo', inventory: { ...inventory({}, 1, 1), files: 1, kustomizations: 1 } } }, { color: false, minSeverity: 'info' })).toContain(
      'Checked 1 file: 1 document, 1 kustomization, 1 validated (100.0%)',
    );
    expect(text({})).toContain('Checked 3 files: 10 documents, 1 kustomization,');
  });

  it('shows a hint once per rule, and says how many it did not repeat', () => {
    const finding = (line: number, hint: string) => ({ rule: 'schema-unknown', severity: 'info' as const, message: `m${line}`, hint, docs: 'docs/rules/schema-unknown.md', location: { file: 'a.yaml', line, column: 1 } });
    const out = renderText({ ...report({}), findings: [finding(1, 'Commit the CRD.'), finding(2, 'Commit the CRD.'), finding(3, 'Move it.')] }, { color: false, minSeverity: 'info' });
    expect(out.match(/hint: Commit the CRD\./g)).toHaveLength(1);
    expect(out).toContain('hint: Move it.');
    expect(out).toContain('(1 repeated hint not shown again; `hctl explain RULE` has each rule\'s page)');
    expect(text({})).not.toContain('repeated hint');
  });
});
