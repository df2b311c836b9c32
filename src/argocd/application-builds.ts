import path from 'node:path';
import picomatch from 'picomatch';
import { argoSources, isPlaceholder } from '../k8s/argo-apps.js';
import { renderedObject } from '../flux/node-object.js';
import { RenderError, type Kustomizer } from '../render/kustomize.js';
import { apiGroup, type KubeObject, type NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { normaliseRepoUrl, type Repository } from '../repo/repository-urls.js';
import { argoApplications, repositoryRelative, type ArgoApplication } from './argo-applications.js';

/** What one source of an Argo CD Application applies from this repository. */
export interface ApplicationBuild {
  app: ArgoApplication;
  /** Where the source is written in the Application. */
  sourcePath: NodePath;
  /** The source's directory, relative to the checked root. */
  dir: string;
  objects: KubeObject[];
}

/**
 * What each Argo CD Application (ApplicationSets expanded) applies from this repository, rendered
 * as Argo CD renders it: a kustomization is built (without the Application's own
 * `source.kustomize` overrides); a plain directory gives its manifests — the top level only unless
 * `directory.recurse`, filtered by `directory.include`/`exclude`. A source is this repository's when
 * its repoURL is one of the repository's URLs, or — when hctl knows none — when its path exists here.
 * Helm sources and builds that fail are left out: other rules report those.
 */
export function argoApplicationBuilds(objects: readonly KubeObject[], repository: Repository, kustomizer: Kustomizer): ApplicationBuild[] {
  const builds: ApplicationBuild[] = [];
  for (const app of argoApplications(objects, repository)) {
    for (const { path: sourcePath, source } of argoSources(app)) {
      if (typeof source.path !== 'string' || isPlaceholder(source.path) || source.chart !== undefined) continue;
      if (repository.urls.size > 0 && !(typeof source.repoURL === 'string' && repository.urls.has(normaliseRepoUrl(source.repoURL)))) continue;
      const dir = repositoryRelative(source.path);
      if (!kustomizer.paths.isDirectory(dir) || kustomizer.paths.exists(path.posix.join(dir, 'Chart.yaml'))) continue;
      const built = kustomizer.kustomizationIn(dir) ? kustomizationObjects(kustomizer, dir) : directoryObjects(objects, dir, asRecord(source.directory) ?? {});
      if (built) builds.push({ app, sourcePath, dir, objects: built });
    }
  }
  return builds;
}

function kustomizationObjects(kustomizer: Kustomizer, dir: string): KubeObject[] | undefined {
  try {
    return kustomizer.build(dir, 'shared').objects.map(renderedObject);
  } catch (error) {
    if (error instanceof RenderError) return undefined;
    throw error;
  }
}

/** A directory source: its manifests (not kustomizations), as Argo CD's directory settings select them. */
function directoryObjects(objects: readonly KubeObject[], dir: string, settings: Record<string, unknown>): KubeObject[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  // Argo CD's globs match paths below the source; a pattern without "/" (`*.yaml`) matches in every directory.
  const glob = (pattern: unknown) => (typeof pattern === 'string' && pattern !== '' ? picomatch(pattern, { dot: true, basename: true }) : undefined);
  const include = glob(settings.include);
  const exclude = glob(settings.exclude);
  return objects.filter((object) => {
    const file = object.source?.file;
    if (!file?.startsWith(prefix) || apiGroup(object.apiVersion) === 'kustomize.config.k8s.io') return false;
    const relative = file.slice(prefix.length);
    if (settings.recurse !== true && relative.includes('/')) return false;
    return (!include || include(relative)) && !exclude?.(relative);
  });
}
