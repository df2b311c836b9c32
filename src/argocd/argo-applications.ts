import path from 'node:path';
import { argoAppSpecs, argoSources, isPlaceholder, type ArgoAppSpec } from '../k8s/argo-apps.js';
import { isArgoApplicationSet } from '../k8s/kinds.js';
import type { KubeObject, NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { normaliseRepoUrl, type Repository } from '../repo/repository-urls.js';
import { expandApplicationSet, renderTemplate } from './application-sets.js';

export interface ArgoApplication extends ArgoAppSpec {
  /** For an Application an ApplicationSet generates: which parameters (a path, a file, a list element). */
  generatedFor?: string;
}

/**
 * Every Argo CD Application the repo makes: its Applications, and one per parameter set of each
 * ApplicationSet whose generators hctl can expand offline (others stay as their template).
 */
export function argoApplications(objects: readonly KubeObject[], repository: Repository): ArgoApplication[] {
  return argoAppSpecs(objects).flatMap((app): ArgoApplication[] => {
    if (!isArgoApplicationSet(app.object)) return [app];
    const { params } = expandApplicationSet(app.object, repository);
    if (!params) return [app];
    const goTemplate = asRecord(app.object.body.spec)?.goTemplate === true;
    return params.map((set) => ({ ...app, spec: asRecord(renderTemplate(app.spec, set, goTemplate)) ?? app.spec, generatedFor: set.label }));
  });
}

/** A source of an Application that renders a directory of this repository. */
export interface RepositorySource {
  app: ArgoApplication;
  /** Where the source is written in the Application. */
  sourcePath: NodePath;
  repoURL: string;
  /** `source.path` as written. */
  dir: string;
}

/**
 * The sources of the repo's Applications (ApplicationSets expanded) that name a directory of this
 * repository — a repoURL among `repository.urls`; none when hctl cannot tell which URL is this one.
 */
export function repositorySources(objects: readonly KubeObject[], repository: Repository): RepositorySource[] {
  if (repository.urls.size === 0) return [];
  return argoApplications(objects, repository).flatMap((app) =>
    argoSources(app).flatMap(({ path: sourcePath, source }) => {
      const { repoURL, path: dir } = source;
      if (typeof repoURL !== 'string' || typeof dir !== 'string' || isPlaceholder(dir) || isPlaceholder(repoURL)) return [];
      return repository.urls.has(normaliseRepoUrl(repoURL)) ? [{ app, sourcePath, repoURL, dir }] : [];
    }),
  );
}

/** A source path as a path relative to the repository root (`/apps/demo/` → `apps/demo`). */
export function repositoryRelative(dir: string): string {
  return path.posix.normalize(dir.replace(/^\/+/, '') || '.');
}

/** " (generated for apps/demo)" for a generated Application, else "". */
export function generatedSuffix(app: ArgoApplication): string {
  return app.generatedFor ? ` (generated for ${app.generatedFor})` : '';
}
