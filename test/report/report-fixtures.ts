import type { Finding } from '../../src/report/finding.js';
import type { Report, Status } from '../../src/report/report.js';

/** A located schema-invalid finding; `overrides` changes what a test is about. */
export const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'schema-invalid',
  severity: 'critical',
  message: 'unknown field spec.podSelector.matchLoads',
  hint: 'Did you mean matchLabels?',
  docs: 'docs/rules/schema-invalid.md',
  location: { file: 'apps/netpol.yaml', line: 45, column: 5 },
  ...overrides,
});

/** A check report of `findings` on the directory `repo`, counted as buildReport counts them. */
export const reportOf = (findings: Finding[], status: Status = findings.some((f) => f.severity === 'critical') ? 'critical' : 'healthy'): Report => ({
  schemaVersion: '1.1',
  tool: { name: 'hctl', version: 'test' },
  command: 'check',
  status,
  timestamp: '2026-11-23T00:00:00.000Z',
  summary: {
    total: 3,
    healthy: 0,
    critical: findings.filter((f) => f.severity === 'critical').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length,
  },
  details: { target: 'repo' },
  issues: [],
  findings,
});
