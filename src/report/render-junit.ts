import type { DomainSummary } from '../engine/check-cluster.js';
import { headline, type Finding } from './finding.js';
import { groupFindings } from './listing.js';
import type { Report } from './report.js';

/**
 * JUnit XML, the test-report format CI systems show natively (GitLab merge requests, Jenkins,
 * Azure Pipelines): one test suite per file (check) or domain (health), one test case per
 * finding. Critical findings and warnings are failures (either fails an exit-code gate); info
 * findings are skipped cases, since they say what was not checked. What passed is a passing case
 * (a clean check; each healthy domain), so a report is never empty. `file` attributes carry
 * `uriPrefix` (the checked directory inside the repository), as SARIF's URIs do.
 */
export function renderJunit(report: Report, uriPrefix = ''): string {
  const prefix = uriPrefix === '' || uriPrefix.endsWith('/') ? uriPrefix : `${uriPrefix}/`;
  const target = String(report.details.target ?? '.');
  const suites = groupFindings(report.findings, target).groups.map(({ name, entries }) => suite(name, entries.map(({ finding }) => testCase(finding, prefix))));
  const domains = Object.entries((report.details.domains ?? {}) as Record<string, DomainSummary>);
  for (const [domain, summary] of domains) {
    if (summary.critical + summary.warnings + summary.info > 0) continue;
    const name = `${domain}: ${summary.status === 'not-installed' ? 'not installed' : `${summary.checked} checked, healthy`}`;
    suites.push(suite(domain, [summary.status === 'not-installed' ? { xml: skipped(report.command, name, 'not installed'), skipped: true } : { xml: passed(report.command, name) }]));
  }
  if (suites.length === 0) suites.push(suite(target, [{ xml: passed(report.command, `${target}: no findings`) }]));
  const totals = suites.reduce((sum, { tests, failures, skipped }) => ({ tests: sum.tests + tests, failures: sum.failures + failures, skipped: sum.skipped + skipped }), { tests: 0, failures: 0, skipped: 0 });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hctl ${xml(report.command)}" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}" timestamp="${xml(report.timestamp)}">`,
    ...suites.map(({ text }) => text),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Case {
  xml: string;
  failed?: boolean;
  skipped?: boolean;
}

function suite(name: string, cases: Case[]): { text: string; tests: number; failures: number; skipped: number } {
  const failures = cases.filter((c) => c.failed).length;
  const skippedCount = cases.filter((c) => c.skipped).length;
  const text = [`  <testsuite name="${xml(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skippedCount}">`, ...cases.map((c) => c.xml), '  </testsuite>'].join('\n');
  return { text, tests: cases.length, failures, skipped: skippedCount };
}

function testCase(finding: Finding, prefix: string): Case {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column} ` : '';
  const file = finding.location ? ` file="${xml(prefix + finding.location.file)}" line="${finding.location.line}"` : '';
  const attributes = `classname="hctl.${xml(finding.rule)}" name="${xml(where + headline(finding))}"${file}`;
  if (finding.severity === 'info') return { xml: `    <testcase ${attributes}>\n      <skipped message="${xml(`info: ${finding.message}`)}"/>\n    </testcase>`, skipped: true };
  const details = `${finding.hint}\nRule: ${finding.rule} (${finding.docs})`;
  return { xml: `    <testcase ${attributes}>\n      <failure type="${finding.severity}" message="${xml(finding.message)}">${xml(details)}</failure>\n    </testcase>`, failed: true };
}

function passed(command: string, name: string): string {
  return `    <testcase classname="hctl.${xml(command)}" name="${xml(name)}"/>`;
}

function skipped(command: string, name: string, reason: string): string {
  return `    <testcase classname="hctl.${xml(command)}" name="${xml(name)}">\n      <skipped message="${xml(reason)}"/>\n    </testcase>`;
}

/** Escapes text for an XML attribute or element, and drops the characters XML 1.0 cannot hold at all. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
