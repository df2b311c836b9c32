import { headline, type Finding, type Severity } from './finding.js';
import { findingsByFile } from './group-findings.js';
import type { Report } from './report.js';

/**
 * JUnit XML, the test-report format CI systems show natively (GitLab merge requests, Jenkins,
 * Azure Pipelines): one test suite per file, one test case per finding. Critical findings and
 * warnings are failures (either fails an exit-code gate); info findings are skipped cases, since
 * they say what was not checked. A clean check is one passing case, so the report is never empty.
 * `file` attributes carry `uriPrefix` (the checked directory inside the repository), as SARIF's URIs do.
 */
export function renderJunit(report: Report, uriPrefix = ''): string {
  const prefix = uriPrefix === '' || uriPrefix.endsWith('/') ? uriPrefix : `${uriPrefix}/`;
  const target = String(report.details.target ?? '.');
  const suites = [...findingsByFile(report.findings, target)].map(([file, findings]) => {
    const cases = findings.map((finding) => testCase(finding, finding.location ? prefix + finding.location.file : undefined));
    return suite(file, findings.length, count(findings, 'critical') + count(findings, 'warning'), count(findings, 'info'), cases);
  });
  if (suites.length === 0) suites.push(suite(target, 1, 0, 0, [`    <testcase classname="hctl.${report.command}" name="${xml(`${target}: no findings`)}"/>`]));
  const failures = report.summary.critical + report.summary.warnings;
  const tests = Math.max(report.findings.length, 1);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hctl ${xml(report.command)}" tests="${tests}" failures="${failures}" errors="0" skipped="${report.summary.info}" timestamp="${xml(report.timestamp)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(name: string, tests: number, failures: number, skipped: number, cases: string[]): string {
  return [`  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`, ...cases, '  </testsuite>'].join('\n');
}

function testCase(finding: Finding, file: string | undefined): string {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}` : '';
  const attributes = `classname="hctl.${xml(finding.rule)}" name="${xml(`${where ? `${where} ` : ''}${headline(finding)}`)}"${file ? ` file="${xml(file)}" line="${finding.location!.line}"` : ''}`;
  const details = `${finding.hint}\nRule: ${finding.rule} (${finding.docs})`;
  if (finding.severity === 'info') return `    <testcase ${attributes}>\n      <skipped message="${xml(`info: ${finding.message}`)}"/>\n    </testcase>`;
  return `    <testcase ${attributes}>\n      <failure type="${finding.severity}" message="${xml(finding.message)}">${xml(details)}</failure>\n    </testcase>`;
}

function count(findings: Finding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
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
