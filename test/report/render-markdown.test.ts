import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { finding, reportOf } from './report-fixtures.js';
import type { Status } from '../../src/report/report.js';

const markdown = (findings: Finding[], status: Status = 'critical', minSeverity: Finding['severity'] = 'info') => renderMarkdown(reportOf(findings, status), { minSeverity });

describe('Markdown report', () => {
  it('leads with the verdict and counts', () => {
    expect(markdown([finding({})]).split('\n').slice(0, 3)).toEqual(['## hctl check `repo`: ❌ NO-GO', '', '**1 critical, 0 warnings, 0 info**']);
    expect(markdown([finding({ severity: 'warning' })], 'warning')).toContain('## hctl check `repo`: ⚠️ GO, with warnings');
    expect(markdown([], 'healthy')).toContain('## hctl check `repo`: ✅ GO');
  });

  it('lists findings under their file with position and rule, each hint once per rule', () => {
    const lines = markdown([finding({}), finding({ location: { file: 'apps/netpol.yaml', line: 60, column: 5 } })]).split('\n');
    expect(lines).toContain('#### `apps/netpol.yaml`');
    expect(lines).toContain('- 🔴 **critical** `45:5` unknown field spec.podSelector.matchLoads (`schema-invalid`)');
    expect(lines.filter((line) => line === '  <br>↳ Did you mean matchLabels?')).toHaveLength(1);
  });

  it('shows text literally: placeholders stay visible, emphasis characters do not format, code spans stay code', () => {
    const text = markdown([finding({ message: 'object <app-name> uses *_latest_* | x', hint: 'run `sops --encrypt a_b.yaml` then *rotate*' })]);
    expect(text).toContain('object &lt;app-name&gt; uses \\*\\_latest\\_\\* \\| x');
    expect(text).toContain('run `sops --encrypt a_b.yaml` then \\*rotate\\*');
  });

  it('fences a file name holding backticks with more backticks', () => {
    expect(markdown([finding({ location: { file: 'a`b.yaml', line: 1, column: 1 } })])).toContain('#### ``a`b.yaml``');
  });

  it('leaves out findings below --min-severity and says how many', () => {
    const text = markdown([finding({}), finding({ severity: 'info', message: 'unverified' })], 'critical', 'warning');
    expect(text).not.toContain('unverified');
    expect(text).toContain('_1 finding below warning not listed._');
  });
});
