import path from 'node:path';
import picomatch from 'picomatch';
import { argoSources, isPlaceholder } from '../k8s/argo-apps.js';
import { renderedObject } from '../flux/node-object.js';
import { moveToNamespace, RenderError, type Kustomizer } from '../render/kustomize.js';
import { addAnnotations, addLabels, setImages, setReplicas, type ImageOverride } from '../render/transformers.js';
import { stringMap } from '../k8s/namespace-labels.js';
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
  /** What it applies; none when the build fails. */
  objects: KubeObject[];
  /** Why Argo CD cannot generate this source's manifests: its kustomization with the Application's edits does not build. */
  error?: RenderError;
}

/**
 * What each Argo CD Application (ApplicationSets expanded) applies from this repository, rendered
 * as Argo CD renders it: a kustomization is built with the Application's own `source.kustomize`
 * edits (components, patches, namespace, labels, annotations, images, replicas — not name
 * prefixes or suffixes); a plain directory gives its manifests — the top level only unless
 * `directory.recurse`, filtered by `directory.include`/`exclude`. A source is this repository's when
 * its repoURL is one of the repository's URLs, or — when hctl knows none — when its path exists here.
 * Helm sources are left out; a build that fails applies nothing and carries the error.
 */
export function argoApplicationBuilds(objects: readonly KubeObject[], repository: Repository, kustomizer: Kustomizer): ApplicationBuild[] {
  const builds: ApplicationBuild[] = [];
  for (const app of argoApplications(objects, repository)) {
    for (const { path: sourcePath, source } of argoSources(app)) {
      if (typeof source.path !== 'string' || isPlaceholder(source.path) || source.chart !== undefined) continue;
      if (repository.urls.size > 0 && !(typeof source.repoURL === 'string' && repository.urls.has(normaliseRepoUrl(source.repoURL)))) continue;
      const dir = repositoryRelative(source.path);
      if (!kustomizer.paths.isDirectory(dir) || kustomizer.paths.exists(path.posix.join(dir, 'Chart.yaml'))) continue;
      if (!kustomizer.kustomizationIn(dir)) {
        builds.push({ app, sourcePath, dir, objects: directoryObjects(objects, dir, asRecord(source.directory) ?? {}) });
        continue;
      }
      try {
        builds.push({ app, sourcePath, dir, objects: kustomizationObjects(kustomizer, dir, asRecord(source.kustomize) ?? {}, app.object.source?.file, sourcePath) });
      } catch (error) {
        if (!(error instanceof RenderError)) throw error;
        builds.push({ app, sourcePath, dir, objects: [], error });
      }
    }
  }
  return builds;
}

/** A kustomize source (written at `sourcePath` of the Application's file), with the edits Argo CD makes to its kustomization before building it. */
function kustomizationObjects(kustomizer: Kustomizer, dir: string, edits: Record<string, unknown>, appFile: string | undefined, sourcePath: NodePath): KubeObject[] {
  const components = Array.isArray(edits.components) ? edits.components.filter((entry): entry is string => typeof entry === 'string') : [];
  const edited = ['patches', 'namespace', 'commonLabels', 'commonAnnotations', 'images', 'replicas'].some((field) => edits[field] !== undefined);
  const { objects, omitted } = kustomizer.build(dir, edited ? 'copies' : 'shared', components);
  kustomizer.patchAll(objects, edits.patches, omitted.length > 0, appFile, [...sourcePath, 'kustomize', 'patches']);
  if (typeof edits.namespace === 'string' && edits.namespace !== '') moveToNamespace(objects, edits.namespace, kustomizer.scope, appFile ?? dir, [...sourcePath, 'kustomize', 'namespace']);
  // After the patches: a JSON patch hands back a new body.
  const bodies = objects.map((object) => object.body);
  if (edits.commonLabels !== undefined) addLabels(bodies, stringMap(edits.commonLabels), { selectors: true, templates: true });
  if (edits.commonAnnotations !== undefined) addAnnotations(bodies, stringMap(edits.commonAnnotations));
  if (Array.isArray(edits.images)) setImages(bodies, edits.images.flatMap(imageOverride));
  if (Array.isArray(edits.replicas)) setReplicas(bodies, edits.replicas as { name: string; count: number }[]);
  return objects.map(renderedObject);
}

/** Argo CD's image edit, as `kustomize edit set image` takes it: `[name=]image[:tag|@digest]`. */
function imageOverride(entry: unknown): ImageOverride[] {
  if (typeof entry !== 'string' || entry === '') return [];
  const equals = entry.indexOf('=');
  const reference = entry.slice(equals + 1);
  const at = reference.indexOf('@');
  const colon = reference.lastIndexOf(':');
  const tagged = at < 0 && colon > reference.lastIndexOf('/');
  const image = at >= 0 ? reference.slice(0, at) : tagged ? reference.slice(0, colon) : reference;
  return [
    {
      name: equals > 0 ? entry.slice(0, equals) : image,
      newName: image,
      ...(at >= 0 ? { digest: reference.slice(at + 1) } : tagged ? { newTag: reference.slice(colon + 1) } : {}),
    },
  ];
}

/** A directory source: its manifests (not kustomizations), as Argo CD's directory settings select them. */
function directoryObjects(objects: readonly KubeObject[], dir: string, settings: Record<string, unknown>): KubeObject[] {
  const prefix = dir === '.' ? '' : `${dir}/`;
  // Argo CD's globs match paths below the source; a pattern without "/" (`*.yaml`) matches in every directory.
  const glob = (pattern: unknown) => (typeof pattern === 'string' && pattern !== '' ? picomatch(pattern, { dot: true, basename: !pattern.includes('/') }) : undefined);
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
