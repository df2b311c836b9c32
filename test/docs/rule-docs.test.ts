import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEALTH_RULES } from '../../src/rules/health-index.js';
import { RULES } from '../../src/rules/index.js';
import { runHealthRule } from '../health-rule-tester.js';
import { docsPath } from '../../src/rules/rule.js';
import { runRule } from '../rule-tester.js';

// Docs must not drift from the code: every page matches its rule, and its examples really
// fire (bad) or stay silent (good) when run through the rule.

const pageOf = (id: string) => readFileSync(new URL(`../../${docsPath(id)}`, import.meta.url), 'utf8');

/**
 * Each example block is one repository: `# file: PATH` lines start its files (default example.yaml).
 * `# file: PATH (N bytes of JSON)` stands for a file too large to print: a JSON document of N bytes.
 */
function examples(page: string, kind: 'bad' | 'good' | 'base'): Record<string, string>[] {
  const blocks = [...page.matchAll(new RegExp('```yaml ' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
  return blocks.map((code) => {
    if (!code.startsWith('# file: ')) return { 'example.yaml': code };
    const files: Record<string, string> = {};
    for (const part of code.split(/^# file: /m).filter(Boolean)) {
      const newline = part.indexOf('\n');
      const header = part.slice(0, newline).trim();
      const generated = /^(\S+) \((\d+) bytes of JSON\)$/.exec(header);
      if (generated) files[generated[1]!] = `{"filler":"${'x'.repeat(Number(generated[2]) - 13)}"}`;
      else files[header] = part.slice(newline + 1);
    }
    return files;
  });
}

describe('docs/rules', () => {
  it('has exactly one page per rule', () => {
    const pages = readdirSync(new URL('../../docs/rules/', import.meta.url)).filter((name) => name.endsWith('.md'));
    expect(pages.sort()).toEqual([...RULES, ...HEALTH_RULES].map((rule) => `${rule.meta.id}.md`).sort());
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const page = pageOf(rule.meta.id);

      it('states the rule id, title, severity, domain and source of the code', () => {
        expect(page.startsWith(`# ${rule.meta.id}\n`)).toBe(true);
        expect(page).toContain(`**${rule.meta.title}.**`);
        expect(page).toContain(`| ${rule.meta.severity} | ${rule.meta.domain} | ${rule.meta.source} |`);
        for (const section of ['## Why', '## How to fix', '## Suppress']) expect(page).toContain(section);
      });

      // file-skipped needs unreadable files, which a YAML example cannot show; its tests cover it.
      if (rule.meta.id === 'file-skipped') return;

      it('has a bad example that fires and a good one that does not', () => {
        const bad = examples(page, 'bad');
        const good = examples(page, 'good');
        expect(bad.length).toBeGreaterThan(0);
        expect(good.length).toBeGreaterThan(0);
        // A `yaml base` block is the repository at the revision `--base` names, for rules that compare.
        const [baseFiles] = examples(page, 'base');
        const revision = baseFiles ? { baseFiles } : {};
        for (const files of bad) expect(runRule(rule, { files, ...revision }).length).toBeGreaterThan(0);
        for (const files of good) expect(runRule(rule, { files, ...revision })).toEqual([]);
      });
    });
  }
});

describe('docs/rules of hctl health checks', () => {
  const clusterExamples = (page: string, kind: 'bad' | 'good') => [...page.matchAll(new RegExp('```yaml cluster-' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

  for (const rule of HEALTH_RULES) {
    describe(rule.meta.id, () => {
      const page = pageOf(rule.meta.id);

      it('states the rule id, title, severity, domain and source of the check', () => {
        expect(page.startsWith(`# ${rule.meta.id}\n`)).toBe(true);
        expect(page).toContain(`**${rule.meta.title}.**`);
        expect(page).toContain(`| ${rule.meta.severity} | ${rule.meta.domain} | ${rule.meta.source} |`);
        for (const section of ['## Why', '## How to fix', '## Suppress']) expect(page).toContain(section);
        for (const option of Object.keys(rule.meta.options ?? {})) expect(page).toContain(`\`${option}\``);
      });

      // read-skipped is raised while reading the cluster; test/cluster/read-cluster.test.ts covers it.
      if (!rule.check) return;

      it('has a bad example that fires and a good one that does not', () => {
        const bad = clusterExamples(page, 'bad');
        const good = clusterExamples(page, 'good');
        expect(bad.length).toBeGreaterThan(0);
        expect(good.length).toBeGreaterThan(0);
        for (const yaml of bad) expect(runHealthRule(rule, { yaml }).length).toBeGreaterThan(0);
        for (const yaml of good) expect(runHealthRule(rule, { yaml })).toEqual([]);
      });
    });
  }
});
