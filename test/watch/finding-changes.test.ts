import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { findingChanges } from '../../src/watch/finding-changes.js';

const node = (message: string, name = 'worker-2'): Finding => ({ rule: 'node-not-ready', severity: 'critical', message, hint: '', docs: '', domain: 'nodes', resource: { apiVersion: 'v1', kind: 'Node', name } });

describe('findingChanges', () => {
  it('a finding whose numbers moved is the same finding', () => {
    expect(findingChanges([node('NotReady for 2h15m')], [node('NotReady for 2h16m')])).toEqual({ added: [], resolved: [] });
    expect(findingChanges([node('86.0% full (8.6 of 10.0 GiB)')], [node('87.5% full (8.75 of 10.0 GiB)')])).toEqual({ added: [], resolved: [] });
  });

  it('another object, or another message, is a change: the new one added, the old one resolved as last seen', () => {
    expect(findingChanges([node('NotReady for 2h', 'worker-2')], [node('NotReady for 1m', 'worker-1')])).toEqual({ added: [node('NotReady for 1m', 'worker-1')], resolved: [node('NotReady for 2h', 'worker-2')] });
    expect(findingChanges([node('NotReady (Unknown)')], [node('NotReady (KubeletNotReady)')]).added).toHaveLength(1);
  });

  it('counts repeats: a second identical finding is new, one of two gone is resolved', () => {
    expect(findingChanges([node('x')], [node('x'), node('x')]).added).toHaveLength(1);
    expect(findingChanges([node('x'), node('x')], [node('x')])).toEqual({ added: [], resolved: [node('x')] });
  });
});
