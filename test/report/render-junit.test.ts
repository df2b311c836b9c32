import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/render-junit.js';
import { finding, reportOf } from './report-fixtures.js';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);

describe('JUnit XML', () => {
  it('is one suite per file and one case per finding: criticals and warnings fail, info is skipped', () => {
    const xml = renderJunit(
      reportOf([
        finding({ resource: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', namespace: 'home', name: 'allow' } }),
        finding({ severity: 'warning', rule: 'image-unpinned', message: 'uses :latest', location: { file: 'apps/app.yaml', line: 3, column: 1 } }),
        finding({ severity: 'info', rule: 'schema-unknown', message: 'unverified', location: { file: 'apps/app.yaml', line: 9, column: 1 } }),
      ]),
      'clusters/home',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(testsuites).toMatchObject({ tests: '3', failures: '2', skipped: '1' });
    expect(testsuites.testsuite.map((suite: { name: string }) => suite.name)).toEqual(['apps/netpol.yaml', 'apps/app.yaml']);
    const [critical] = testsuites.testsuite[0].testcase;
    expect(critical).toMatchObject({ classname: 'hctl.schema-invalid', file: 'clusters/home/apps/netpol.yaml', line: '45', failure: { type: 'critical', message: 'unknown field spec.podSelector.matchLoads' } });
    expect(critical.name).toBe('apps/netpol.yaml:45:5 NetworkPolicy home/allow: unknown field spec.podSelector.matchLoads');
    const [warning, info] = testsuites.testsuite[1].testcase;
    expect(warning.failure).toMatchObject({ type: 'warning' });
    expect(info.skipped).toMatchObject({ message: 'info: unverified' });
    expect(info.failure).toBeUndefined();
  });

  it('escapes what XML cannot hold as text: markup characters and control characters', () => {
    const xml = renderJunit(reportOf([finding({ message: 'name <app-name> & "x" \u0001', hint: 'use </failure> never' })]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const { testsuites } = parse(xml);
    expect(testsuites.testsuite[0].testcase[0].failure.message).toBe('name <app-name> & "x"');
    expect(xml).toContain('use &lt;/failure&gt; never');
  });

  it('a clean check is one passing case, not an empty report', () => {
    const { testsuites } = parse(renderJunit(reportOf([])));
    expect(testsuites).toMatchObject({ tests: '1', failures: '0' });
    expect(testsuites.testsuite[0].testcase[0]).toEqual({ classname: 'hctl.check', name: 'repo: no findings' });
  });
});
