import { describe, expect, it } from 'vitest';
import { defaultConfig, type ConfigSuppression } from '../../src/config/config.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadFiles } from '../../src/repo/load.js';

const TODAY = '2026-06-01';

function findings(files: Record<string, string>, suppressions: ConfigSuppression[] = []) {
  const config = { ...defaultConfig(), suppressions };
  return runRules(loadFiles(files), { config, root: '/repo', today: TODAY }).map(
    (finding) => `${finding.rule} ${finding.location?.file}:${finding.location?.line}`,
  );
}

const pod = (imageLine: string, before = '') =>
  `${before}apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: tools\nspec:\n  containers:\n    - name: shell\n${imageLine}\n      resources:\n        requests: {cpu: 10m, memory: 16Mi}\n        limits: {memory: 32Mi}\n`;

describe('inline suppressions', () => {
  it('a comment on its own line covers the next line', () => {
    const text = pod('      # hctl-ignore image-unpinned reason="debug pod"\n      image: busybox:latest');
    expect(findings({ 'p.yaml': text })).toEqual([]);
  });

  it('a trailing comment covers its own line only', () => {
    expect(findings({ 'p.yaml': pod('      image: busybox:latest # hctl-ignore image-unpinned reason="debug pod"') })).toEqual([]);
  });

  it('a comment right above the document covers the whole document', () => {
    const text = pod('      image: busybox:latest', '# hctl-ignore image-unpinned,workload-resources reason="throwaway"\n');
    expect(findings({ 'p.yaml': text })).toEqual([]);
  });

  it('does not reach other lines or other rules', () => {
    const text = pod('      image: busybox:latest', '# hctl-ignore workload-resources reason="x"\n');
    expect(findings({ 'p.yaml': text })).toEqual(['image-unpinned p.yaml:10']);
  });

  it('without a reason it suppresses nothing and is reported', () => {
    const text = pod('      # hctl-ignore image-unpinned\n      image: busybox:latest');
    expect(findings({ 'p.yaml': text })).toEqual(['suppression-invalid p.yaml:9', 'image-unpinned p.yaml:10']);
  });

  it('naming an unknown rule or a bad date is reported', () => {
    const unknown = pod('      # hctl-ignore image-unpined reason="typo"\n      image: busybox:latest');
    expect(findings({ 'p.yaml': unknown })).toEqual(['suppression-invalid p.yaml:9', 'image-unpinned p.yaml:10']);
    const badDate = pod('      # hctl-ignore image-unpinned reason="x" until=2026-02-30\n      image: busybox:latest');
    expect(findings({ 'p.yaml': badDate })).toEqual(['suppression-invalid p.yaml:9', 'image-unpinned p.yaml:10']);
  });

  it('an expired one is a warning and its findings come back; a current one still works', () => {
    const expired = pod('      # hctl-ignore image-unpinned reason="mirror" until=2026-05-31\n      image: busybox:latest');
    expect(findings({ 'p.yaml': expired })).toEqual(['suppression-expired p.yaml:9', 'image-unpinned p.yaml:10']);
    const current = pod('      # hctl-ignore image-unpinned reason="mirror" until=2026-06-01\n      image: busybox:latest');
    expect(findings({ 'p.yaml': current })).toEqual([]);
  });
});

describe('config suppressions', () => {
  const entry = (over: Partial<ConfigSuppression>): ConfigSuppression => ({
    rules: ['image-unpinned'],
    files: [],
    reason: 'vendored',
    file: '/repo/.hctl.yaml',
    line: 4,
    column: 5,
    ...over,
  });
  const files = { 'apps/a.yaml': pod('      image: busybox:latest'), 'vendor/b.yaml': pod('      image: busybox:latest') };

  it('match files by glob', () => {
    expect(findings(files, [entry({ files: ['vendor/**'] })])).toEqual(['image-unpinned apps/a.yaml:9']);
  });

  it('match resources by Kind/namespace/name globs', () => {
    expect(findings(files, [entry({ resource: 'Pod/tools/deb*' })])).toEqual([]);
    expect(findings(files, [entry({ resource: 'Pod/other/*' })])).toHaveLength(2);
  });

  it('expire like inline ones, reported at the config line', () => {
    expect(findings(files, [entry({ files: ['vendor/**'], until: '2026-01-01' })])).toEqual([
      'suppression-expired .hctl.yaml:4',
      'image-unpinned apps/a.yaml:9',
      'image-unpinned vendor/b.yaml:9',
    ]);
  });
});
