import path from 'node:path';
import type { ResolvedConfig } from '../config/config.js';
import type { Finding, Location } from '../report/finding.js';
import type { LoadedRepo } from '../repo/load.js';
import { resourceRef, type KubeObject } from '../repo/object.js';
import { RULES, RULES_BY_ID } from '../rules/index.js';
import { docsPath, type Problem, type Rule, type RuleContext } from '../rules/rule.js';
import type { SchemaDirContents } from '../repo/schema-dir.js';
import { validateObjects, type ValidationOutcome } from './validate-objects.js';
import { repoBuilds } from './repo-builds.js';
import type { BaseRevision } from './base-revision.js';
import { readByKustomize } from '../render/kustomize-read.js';
import { argoApplicationBuilds, type ApplicationBuild } from '../argocd/application-builds.js';
import { findGitRoot } from '../repo/git-root.js';
import { gitRemoteUrls, normaliseRepoUrl } from '../repo/repository-urls.js';
import { configSuppressions, inlineSuppressions, isExpired, suppressionProblem, type Suppression } from './suppressions.js';

export interface RunOptions {
  config: ResolvedConfig;
  /** The checked directory, to make config paths relative. */
  root: string;
  rules?: readonly Rule[];
  /** `YYYY-MM-DD`, for suppression expiry. */
  today?: string;
  /** Schema validation, when the caller already ran it (it is computed on demand otherwise). */
  validation?: ValidationOutcome;
  schemaDirs?: readonly SchemaDirContents[];
  /** The revision `--base` names, as built. */
  base?: BaseRevision;
}

/** Runs every enabled rule over a loaded repo and applies suppressions; findings come back sorted. */
export function runRules(repo: LoadedRepo, options: RunOptions): Finding[] {
  const rules = options.rules ?? RULES;
  const findings: Finding[] = [];
  const parseProblems = repo.files.flatMap((file) => file.problems.map((problem) => ({ ...problem, file: file.file })));
  const templatedFiles = repo.files.flatMap((file) => (file.templated ? [{ file: file.file, kind: file.templated, ...(file.templateProblem ? { problem: file.templateProblem } : {}) }] : []));
  let validation = options.validation;
  const validationOnDemand = () => (validation ??= validateObjects(repo.objects, options.schemaDirs));
  const builds = repoBuilds(options.root, repo);
  const gitRoot = findGitRoot(options.root);
  const repository = {
    root: gitRoot ?? path.resolve(options.root),
    urls: new Set([...options.config.repoUrls, ...(gitRoot ? gitRemoteUrls(gitRoot) : [])].map(normaliseRepoUrl)),
  };
  let kustomizeReads: ((object: KubeObject) => boolean) | undefined;
  const readByKustomizeOnDemand = (object: KubeObject) => (kustomizeReads ??= readByKustomize(builds.flux(), builds.standalone()))(object);
  let argoBuilds: ApplicationBuild[] | undefined;
  const argoBuildsOnDemand = () => (argoBuilds ??= argoApplicationBuilds(repo.objects, repository, builds.flux().kustomizer));

  for (const rule of rules) {
    const settings = options.config.rules.get(rule.meta.id);
    if (!rule.check || settings?.enabled === false) continue;
    const context: RuleContext = {
      objects: repo.objects,
      parseProblems,
      skippedFiles: repo.skipped,
      templatedFiles,
      sops: repo.sops,
      get validation() {
        return validationOnDemand();
      },
      get flux() {
        return builds.flux();
      },
      get standaloneBuilds() {
        return builds.standalone();
      },
      get applied() {
        return builds.applied();
      },
      readByKustomize: readByKustomizeOnDemand,
      get argoBuilds() {
        return argoBuildsOnDemand();
      },
      kubernetesVersion: options.config.kubernetesVersion,
      ...(options.base ? { base: options.base } : {}),
      repository,
      gitIgnored: (relative, isDirectory) => repo.gitIgnored?.reasonFor(relative, isDirectory),
      options: settings?.options ?? rule.meta.options ?? {},
      report: (problem) => findings.push(toFinding(rule, problem, settings?.severity)),
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not cost the user the whole verdict.
      context.report({
        message: `rule failed on this repository (${(error as Error)?.message ?? String(error)}); this is a bug in hctl, please report it`,
        hint: `Turn the rule off in .hctl.yaml (rules: { ${rule.meta.id}: off }) until it is fixed.`,
        severity: 'warning',
      });
    }
  }

  const suppressions = [...inlineSuppressions(repo.files), ...configSuppressions(options.config.suppressions, options.root)];
  const result = applySuppressions(findings, suppressions, rules, options);
  return result.sort(compareFindings);
}

function applySuppressions(findings: Finding[], suppressions: Suppression[], rules: readonly Rule[], options: RunOptions): Finding[] {
  // Every rule hctl has is a valid suppression target, even when only some of them run.
  const known = new Set(RULES_BY_ID.keys());
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const active: Suppression[] = [];
  const raised: Finding[] = [];
  const raise = (id: string, location: Location, message: string, hint: string) => {
    const rule = rules.find((candidate) => candidate.meta.id === id);
    const settings = options.config.rules.get(id);
    // Suppression problems are raised only when their rule is among those that run.
    if (!rule || settings?.enabled === false) return;
    raised.push(toFinding(rule, { location, message, hint }, settings?.severity));
  };
  for (const suppression of suppressions) {
    const problem = suppressionProblem(suppression, known);
    if (problem) {
      raise('suppression-invalid', suppression.location, problem, 'Write it as: # hctl-ignore RULE reason="why this is fine" until=YYYY-MM-DD');
    } else if (isExpired(suppression, today)) {
      raise(
        'suppression-expired',
        suppression.location,
        `hctl-ignore ${suppression.rules.join(',')} expired on ${suppression.until} ("${suppression.reason}"); its findings are reported again`,
        'Fix the findings, or renew the exception with a new until= date and a reason that still holds.',
      );
    } else {
      active.push(suppression);
    }
  }
  const kept = findings.filter((finding) => !active.some((s) => s.rules.includes(finding.rule) && s.covers(finding)));
  return [...kept, ...raised];
}

function toFinding(rule: Rule, problem: Problem, configuredSeverity: Finding['severity'] | undefined): Finding {
  // A configured severity wins over the rule's own escalation, so users stay in control.
  const severity = configuredSeverity !== undefined && configuredSeverity !== rule.meta.severity
    ? configuredSeverity
    : (problem.severity ?? rule.meta.severity);
  const finding: Finding = { rule: rule.meta.id, severity, message: problem.message, hint: problem.hint, docs: docsPath(rule.meta.id) };
  if (problem.object) finding.resource = resourceRef(problem.object);
  if (problem.pointer !== undefined) finding.pointer = problem.pointer;
  const location = problem.location ?? problem.object?.source?.locate(problem.path ?? [], { key: problem.key ?? false });
  if (location) finding.location = location;
  return finding;
}

function compareFindings(a: Finding, b: Finding): number {
  const fileA = a.location?.file ?? '';
  const fileB = b.location?.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0) || a.rule.localeCompare(b.rule);
}
