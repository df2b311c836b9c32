import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadFiles } from '../../src/repo/load.js';
import type { Rule } from '../../src/rules/rule.js';
import imageUnpinned from '../../src/rules/workloads/image-unpinned.js';

const repo = loadFiles({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: busybox\n' });

describe('runRules', () => {
  it('applies configured severities and skips disabled rules', () => {
    const louder = runRules(repo, { config: defaultConfig('default', { 'image-unpinned': 'critical' }), root: '.', rules: [imageUnpinned] });
    expect(louder.map((finding) => finding.severity)).toEqual(['critical']);
    expect(runRules(repo, { config: defaultConfig('default', { 'image-unpinned': 'off' }), root: '.', rules: [imageUnpinned] })).toEqual([]);
  });

  it('turns a rule that throws into a finding and keeps running the others', () => {
    const broken: Rule = {
      meta: { id: 'image-unpinned', domain: 'workloads', severity: 'warning', title: 'broken', source: 'test' },
      check: () => {
        throw new Error('boom');
      },
    };
    const findings = runRules(repo, { config: defaultConfig(), root: '.', rules: [broken, imageUnpinned] });
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('rule failed on this repository (boom)'),
      'Image busybox of a has no tag (pulls :latest)',
    ]);
  });
});
