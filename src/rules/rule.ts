import type { BaseRevision } from '../engine/base-revision.js';
import type { Repository } from '../repo/repository-urls.js';
import type { Location, Severity } from '../report/finding.js';
import type { KubeObject, NodePath } from '../repo/object.js';
import type { ParseProblem, TemplateKind } from '../repo/parse.js';
import type { SopsConfig } from '../repo/sops-config.js';
import type { SkippedFile } from '../repo/walk.js';
import type { ValidationOutcome } from '../engine/validate-objects.js';
import type { FluxGraph } from '../flux/flux-graph.js';
import type { StandaloneBuild } from '../render/standalone-builds.js';
import type { ApplicationBuild } from '../argocd/application-builds.js';

export type RuleDomain = 'yaml' | 'repo' | 'schema' | 'render' | 'flux' | 'argocd' | 'secrets' | 'network' | 'workloads' | 'policy' | 'config';

export interface RuleMeta {
  /** Stable id, used in config, suppressions and docs/rules/<id>.md. */
  id: string;
  domain: RuleDomain;
  severity: Severity;
  /** One line, shown by --list-rules and in SARIF. */
  title: string;
  /** Where the lesson was learned: seed documents, incidents and the research catalogue id. */
  source: string;
  /** Default options; a profile or `.hctl.yaml` may override them. */
  options?: Record<string, string | number | boolean>;
  /** Allowed values of string options, when they are a fixed set. */
  optionChoices?: Record<string, readonly string[]>;
}

export interface Problem {
  message: string;
  hint: string;
  /** The object the problem is about; its source gives the location. */
  object?: KubeObject;
  /** Where inside the object; defaults to the object itself. */
  path?: NodePath;
  /** Point at the key rather than its value (for "wrong field" problems). */
  key?: boolean;
  /** RFC 6901 pointer of `path`, for problems found by schema validation. */
  pointer?: string;
  /** An explicit position, for problems that belong to no object (a YAML syntax error). */
  location?: Location;
  /** Override the rule's severity for this one problem (e.g. worse when a default-deny exists). */
  severity?: Severity;
}

/** What a rule may see: loaded objects and facts about the repository, never the disk itself. */
export interface RuleContext {
  objects: readonly KubeObject[];
  parseProblems: readonly (ParseProblem & { file: string })[];
  skippedFiles: readonly SkippedFile[];
  /** Files hctl does not check because they are templates, of which kind, and why a chart template did not render. */
  templatedFiles: readonly { file: string; kind: TemplateKind; problem?: { message: string; line: number; column: number } }[];
  sops: SopsConfig;
  /** Schema validation of every object; computed on first use. */
  readonly validation: ValidationOutcome;
  /** Flux as it applies the repo: roots, builds and effective Kustomizations; computed on first use. */
  readonly flux: FluxGraph;
  /** `kustomize build` of each kustomization directory no Flux build reads (Argo CD paths, `kubectl apply -k` layouts); computed on first use. */
  readonly standaloneBuilds: readonly StandaloneBuild[];
  /**
   * The objects as they reach the cluster: what Flux's builds apply (effective namespaces, patches,
   * generated ConfigMaps) when the repo is a Flux repo; otherwise what its kustomizations build,
   * and the documents no build includes as written.
   */
  readonly applied: readonly KubeObject[];
  /**
   * Whether a document reaches the cluster through a kustomize build (Flux, `kubectl apply -k`,
   * Argo CD), which reads `yes` and `off` as strings; computed on first use.
   */
  readByKustomize(object: KubeObject): boolean;
  /** What each Argo CD Application (ApplicationSets expanded) applies from this repository, rendered; computed on first use. */
  readonly argoBuilds: readonly ApplicationBuild[];
  /** What reached the cluster at the revision `--base` names, to compare with `applied`; absent without `--base`. */
  base?: BaseRevision;
  /** The Kubernetes version the repo targets (`1.35`), for deprecated and removed APIs. */
  kubernetesVersion: string;
  /** The Git working tree holding the checked directory (else that directory) and the URLs that name it. */
  repository: Repository;
  /**
   * Why Git ignores a path of the checked directory (`secret.env in apps/.gitignore`), else
   * undefined: the cluster builds from Git, where such files do not exist.
   */
  gitIgnored(relative: string, isDirectory?: boolean): string | undefined;
  options: Readonly<Record<string, string | number | boolean>>;
  report(problem: Problem): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Absent for rules whose findings the engine itself raises (suppression problems). */
  check?(context: RuleContext): void;
}

export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
