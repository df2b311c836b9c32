import { statSync } from 'node:fs';
import path from 'node:path';
import { CheckCache } from '../cache/check-cache.js';
import type { ResolvedConfig } from '../config/config.js';
import { UsageError } from '../config/errors.js';
import type { Finding } from '../report/finding.js';
import { buildReport, type Inventory, type Report } from '../report/report.js';
import { loadRepo, loadFiles, type LoadedRepo } from '../repo/load.js';
import { apiGroup, type KubeObject } from '../repo/object.js';
import { readSchemaDir, type SchemaDirContents } from '../repo/schema-dir.js';
import { isManifestFileName } from '../repo/walk.js';
import { validateObjects, type ValidationOutcome } from './validate-objects.js';
import { readManifest } from '../repo/read.js';
import { supersession } from '../k8s/superseded-apis.js';
import { runRules } from './run-rules.js';
import { checkOutBase, loadBaseRevision, resolveBaseRef, type BaseTree } from './base-revision.js';

export interface CheckOptions {
  target: string;
  config: ResolvedConfig;
  version: string;
  today?: string;
  now?: Date;
  /** A git revision to compare with (`--base origin/main`): fields the API server will not change are reported. */
  base?: string;
}

/** `hctl check`: load the target (a directory or one file), run the rules, build the report. */
export async function checkRepo(options: CheckOptions): Promise<Report> {
  const baseRef = options.base === undefined ? undefined : await resolveBaseRef(options.target, options.base);
  // Git writes the revision's files on its own process while this one loads the working tree.
  const baseTree = baseRef && checkOutBase(baseRef);
  baseTree?.catch(() => undefined); // awaited below: a failure must not go unhandled meanwhile
  try {
    return await checkAgainst(options, baseTree);
  } finally {
    await baseTree?.then((tree) => tree.remove(), () => undefined);
  }
}

async function checkAgainst(options: CheckOptions, baseTree: Promise<BaseTree> | undefined): Promise<Report> {
  const { root, repo, validation, schemaDirs, cache } = await validateTarget(options.target, options.config);
  const base = baseTree && loadBaseRevision(await baseTree, options.config, cache);
  const findings = runRules(repo, { config: options.config, root, validation, schemaDirs, ...(options.today ? { today: options.today } : {}), ...(base ? { base } : {}) });
  cache?.save(); // once, with the positions the findings asked for
  const inventory = inventoryOf(repo, validation);
  const fileLevel = new Set(findings.filter((finding) => !finding.resource && finding.location).map((finding) => finding.location!.file));
  return buildReport({
    command: 'check',
    version: options.version,
    findings,
    details: {
      target: options.target,
      inventory,
      profile: options.config.profile,
      kubernetesVersion: options.config.kubernetesVersion,
      ...(options.config.file ? { config: options.config.file } : {}),
      rules: { enabled: [...options.config.rules.values()].filter((rule) => rule.enabled).length },
      ...(base ? { base: { ref: base.ref, commit: base.commit, objects: base.applied.length } } : {}),
    },
    itemCount: inventory.documents + inventory.kustomizations + fileLevel.size,
    unhealthyItems: unhealthyItems(findings),
    ...(options.now ? { now: options.now } : {}),
  });
}

/**
 * The first half of a check: the target loaded and every document validated (no rules); the inventory
 * follows from it. The caller saves the cache when it is done with it: writing it twice costs a new repository's check ~2 %.
 */
export async function validateTarget(
  target: string,
  config: ResolvedConfig,
): Promise<{ root: string; repo: LoadedRepo; validation: ValidationOutcome; schemaDirs: SchemaDirContents[]; cache?: CheckCache }> {
  const { root, repo, cache } = load(target, config.kubernetesVersion);
  if (repo.files.length === 0 && repo.skipped.length === 0) {
    throw new UsageError(`nothing to check in ${target}: no .yaml, .yml or Kubernetes .json files (after .gitignore and .hctlignore)`);
  }
  const schemaDirs = await Promise.all(config.schemaDirs.map(readSchemaDir));
  const validation = validateObjects(repo.objects, schemaDirs, cache);
  return { root, repo, validation, schemaDirs, ...(cache ? { cache } : {}) };
}

/** Synchronous, like the walk and reads it starts: awaiting one stat would idle for a thread-pool round trip. */
function load(target: string, kubernetesVersion: string): { root: string; repo: LoadedRepo; cache?: CheckCache } {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info) throw new UsageError(`cannot check ${target}: no such file or directory`);
  if (info.isDirectory()) {
    const cache = CheckCache.open(target);
    return { root: target, repo: loadRepo(target, cache, kubernetesVersion), ...(cache ? { cache } : {}) };
  }
  if (!info.isFile()) throw new UsageError(`cannot check ${target}: not a file or directory`);
  if (!isManifestFileName(target)) throw new UsageError(`cannot check ${target}: not a .yaml, .yml or .json file`);
  const read = readManifest(target);
  if ('skipped' in read) throw new UsageError(`cannot check ${target}: ${read.skipped}`);
  return { root: path.dirname(target), repo: loadFiles({ [path.basename(target)]: read.text }, kubernetesVersion) };
}

export function inventoryOf(repo: LoadedRepo, validation: ValidationOutcome): Inventory {
  const documents = repo.objects.filter((object) => !isKustomizeConfig(object));
  const statuses = documents.map((object) => validation.results.get(object)?.status);
  const unverifiedKinds: Record<string, number> = {};
  for (const [index, object] of documents.entries()) {
    // An old version of an API needs migrating (deprecated-api says how), not a CRD.
    if (statuses[index] !== 'unverified' || supersession(object.apiVersion, object.kind)) continue;
    const kind = `${object.apiVersion}/${object.kind}`;
    unverifiedKinds[kind] = (unverifiedKinds[kind] ?? 0) + 1;
  }
  return {
    files: repo.files.length,
    documents: documents.length,
    validated: statuses.filter((status) => status === 'validated').length,
    unverified: statuses.filter((status) => status === 'unverified').length,
    unverifiedKinds,
    templated: repo.files.filter((file) => file.templated).length,
    kustomizations: repo.objects.length - documents.length,
    sopsEncrypted: repo.objects.filter((object) => object.sopsEncrypted).length,
    skipped: repo.skipped.length,
    otherDocuments: repo.files.reduce((sum, file) => sum + file.otherDocuments, 0),
    emptyDocuments: repo.files.reduce((sum, file) => sum + file.emptyDocuments, 0),
  };
}

function isKustomizeConfig(object: KubeObject): boolean {
  return apiGroup(object.apiVersion) === 'kustomize.config.k8s.io';
}

function unhealthyItems(findings: readonly Finding[]): number {
  const items = new Set<string>();
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    const file = finding.location?.file ?? '';
    const resource = finding.resource;
    items.add(resource ? `${file}#${resource.kind}/${resource.namespace ?? ''}/${resource.name ?? ''}` : file);
  }
  return items.size;
}
