import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig, type RawConfig } from '../src/config/config.js';
import { builtRevision } from '../src/engine/base-revision.js';
import { normaliseRepoUrl } from '../src/repo/repository-urls.js';
import { runRules } from '../src/engine/run-rules.js';
import type { Finding, Severity } from '../src/report/finding.js';
import { loadRepo } from '../src/repo/load.js';
import { repoDir } from './temp-dir.js';
import type { Rule } from '../src/rules/rule.js';

/** One case: a single manifest (`code`, loaded as manifest.yaml) or several files. */
interface CaseInput {
  name?: string;
  code?: string;
  files?: Record<string, string>;
  profile?: string;
  rules?: NonNullable<RawConfig['rules']>;
  kubernetesVersion?: string;
  /** The repository at the revision `--base` names (as `main`, commit 0000000), for rules that compare. */
  baseFiles?: Record<string, string>;
}

export interface ExpectedError {
  line: number;
  column?: number;
  file?: string;
  message?: string | RegExp;
  severity?: Severity;
}

export interface InvalidCase extends CaseInput {
  errors: ExpectedError[];
}

/** Runs one rule over in-memory files, the way `hctl check` would, and returns its findings. */
export function runRule(rule: Rule, input: CaseInput): Finding[] {
  const files = input.files ?? { 'manifest.yaml': input.code ?? '' };
  // On disk, as a user's repo is: some rules build kustomizations and follow Flux paths.
  const root = repoDir('rule', files);
  const repo = loadRepo(root);
  // A case may carry its own .hctl.yaml (repoURL, schemaDirs); otherwise the defaults.
  const base = files['.hctl.yaml'] !== undefined ? loadConfig({ startDir: root }) : defaultConfig(input.profile, input.rules);
  const config = { ...base, ...(input.kubernetesVersion ? { kubernetesVersion: input.kubernetesVersion } : {}) };
  const baseRoot = input.baseFiles && repoDir('base', input.baseFiles);
  const revision = baseRoot ? { base: builtRevision('main', '0000000', baseRoot, loadRepo(baseRoot), { root: baseRoot, urls: new Set(config.repoUrls.map(normaliseRepoUrl)) }) } : {};
  return runRules(repo, { config, root, rules: [rule], today: '2026-06-01', ...revision }).filter((finding) => finding.rule === rule.meta.id);
}

/** ESLint-style tester: every valid case yields no finding, every invalid case exactly the listed ones. */
export function ruleTester(rule: Rule, cases: { valid: (string | CaseInput)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    cases.valid.forEach((valid, index) => {
      const input = typeof valid === 'string' ? { code: valid } : valid;
      it(`valid: ${input.name ?? `#${index + 1}`}`, () => {
        expect(runRule(rule, input).map(describeFinding)).toEqual([]);
      });
    });
    cases.invalid.forEach((invalid, index) => {
      it(`invalid: ${invalid.name ?? `#${index + 1}`}`, () => {
        const findings = runRule(rule, invalid);
        expect(findings.map(describeFinding), 'number of findings').toHaveLength(invalid.errors.length);
        invalid.errors.forEach((expected, position) => {
          const finding = findings[position]!;
          expect(finding.location?.line, `line of finding ${position + 1}: ${finding.message}`).toBe(expected.line);
          if (expected.column !== undefined) expect(finding.location?.column).toBe(expected.column);
          if (expected.file !== undefined) expect(finding.location?.file).toBe(expected.file);
          if (expected.severity !== undefined) expect(finding.severity).toBe(expected.severity);
          if (typeof expected.message === 'string') expect(finding.message).toContain(expected.message);
          else if (expected.message) expect(finding.message).toMatch(expected.message);
          expect(finding.hint.length, 'every finding has a hint').toBeGreaterThan(0);
        });
      });
    });
  });
}

function describeFinding(finding: Finding): string {
  return `${finding.location?.file}:${finding.location?.line}:${finding.location?.column} ${finding.severity} ${finding.message}`;
}
