import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isFluxKustomization } from '../k8s/kinds.js';
import { stringMap } from '../k8s/namespace-labels.js';
import { findGitRoot } from '../repo/git-root.js';
import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { SchemaBundle } from '../schema/bundle.js';
import { copyBody } from '../render/copy-body.js';
import { PathFacts } from '../repo/path-facts.js';
import type { KindScope } from '../render/kind-scope.js';
import { firstClash, Kustomizer, moveToNamespace, objectId, RenderError, type Build, type Omission, type RenderedObject, type Take } from '../render/kustomize.js';
import { metadataOf, setCommonMetadata, setImages, type ImageOverride } from '../render/transformers.js';
import { postBuildValues, substitute } from './substitute.js';

/** A Flux Kustomization as Flux applies it, and what its build applies. */
export interface FluxNode {
  /** The Kustomization as its parent's build applied it (effective namespace, inherited patches). */
  object: RenderedObject;
  name: string;
  namespace: string;
  /** spec.path relative to the repository root, when the source is this repository. */
  path?: string;
  applies: RenderedObject[];
  /** What its build left out because hctl does not render it offline (Helm charts, remote resources). */
  omitted: readonly Omission[];
  children: FluxNode[];
  parent?: FluxNode;
  /** Why the build failed or was not attempted (another repository, a missing path). */
  problem?: { message: string; unsupported: boolean; missingPath?: boolean; error?: RenderError };
}

/** A node whose build hctl does not know in full: what it applies may include objects hctl never saw. */
export function isIncomplete(node: FluxNode): boolean {
  return (node.problem !== undefined && !node.problem.missingPath) || node.omitted.length > 0;
}

export interface FluxGraph {
  roots: FluxNode[];
  nodes: FluxNode[];
  /** Flux Kustomizations in the repository that no root's builds reach. */
  unreached: KubeObject[];
  /** What built them: its caches serve later builds, and it knows every kustomization file they read. */
  kustomizer: Kustomizer;
}

// kustomize-controller's generated kustomization lists .yaml and .yml files only.
const MANIFEST = /\.ya?ml$/;

/**
 * Follows Flux from its roots: every Flux Kustomization that no build applies is a root; each
 * node builds its spec.path (with kustomize, or Flux's generated kustomization when there is
 * none), applies its own patches and targetNamespace, substitutes postBuild variables, and the
 * Flux Kustomizations its build applies become its children.
 */
export function buildFluxGraph(
  root: string,
  objects: readonly KubeObject[],
  bundle: SchemaBundle,
  scope: KindScope,
  paths = new PathFacts(root),
  otherDocuments: ReadonlySet<string> = new Set(),
): FluxGraph {
  const preloaded = new Map<string, RenderedObject[]>();
  for (const object of objects) {
    if (!object.source) continue;
    const list = preloaded.get(object.source.file) ?? [];
    list.push({ body: object.body, source: object.source });
    preloaded.set(object.source.file, list);
  }
  const kustomizer = new Kustomizer(root, bundle, scope, { preloaded, otherDocuments, paths, omitUnrendered: true });
  const fluxKustomizations = objects.filter(isFluxKustomization);
  const sourceKey = (file: string | undefined, index: number | undefined) => `${file}#${index}`;
  // Which repo documents some Kustomization's build applies: those are not roots.
  const applied = new Set<string>();
  for (const object of fluxKustomizations) {
    const outcome = buildPath(root, kustomizer, specPath(object.body), undefined);
    const self = sourceKey(object.source?.file, object.source?.documentIndex);
    // Flux bootstrap's flux-system applies its own file: that does not make it anyone's child.
    for (const child of outcome.objects) {
      const key = sourceKey(child.source?.file, child.source?.documentIndex);
      if (key !== self) applied.add(key);
    }
  }
  const parentless = fluxKustomizations.filter((object) => !applied.has(sourceKey(object.source?.file, object.source?.documentIndex)));
  const rootObjects = chooseRoots(parentless);
  const nodes: FluxNode[] = [];
  const visited = new Set<string>();
  const reachedSources = new Set<string>();
  const visit = (object: RenderedObject, parent: FluxNode | undefined): FluxNode | undefined => {
    const metadata = metadataOf(object.body);
    const namespace = String(metadata.namespace ?? parent?.namespace ?? 'flux-system');
    const name = String(metadata.name ?? '');
    const identity = `${namespace}/${name}`;
    if (visited.has(identity)) return undefined;
    visited.add(identity);
    reachedSources.add(sourceKey(object.source?.file, object.source?.documentIndex));
    const node: FluxNode = { object, name, namespace, applies: [], omitted: [], children: [], ...(parent ? { parent } : {}) };
    nodes.push(node);
    const spec = asRecord(object.body.spec) ?? {};
    const sourceRef = asRecord(spec.sourceRef) ?? {};
    const target = specPath(object.body);
    if (target !== undefined) node.path = target;
    if (!isThisRepository(sourceRef, nodes[0] ?? node)) {
      node.problem = { message: `source ${String(sourceRef.kind)} ${String(sourceRef.name)} is another repository`, unsupported: true };
      return node;
    }
    const outcome = buildPath(root, kustomizer, target, spec, postBuildValues(asRecord(spec.postBuild), namespace, objects), object.source?.file);
    if (outcome.problem) node.problem = outcome.problem;
    node.applies = outcome.objects;
    node.omitted = outcome.omitted;
    for (const child of outcome.objects) {
      if (child.body.kind === 'Kustomization' && String(child.body.apiVersion ?? '').startsWith('kustomize.toolkit.fluxcd.io/')) {
        const childNode = visit(child, node);
        if (childNode) node.children.push(childNode);
      }
    }
    return node;
  };
  const roots = rootObjects
    .map((object) => visit({ body: copyBody(object.body), ...(object.source ? { source: object.source } : {}) }, undefined))
    .filter((node): node is FluxNode => node !== undefined);
  const unreached = fluxKustomizations.filter((object) => !reachedSources.has(sourceKey(object.source?.file, object.source?.documentIndex)));
  return { roots, nodes, unreached, kustomizer };
}

/**
 * The Kustomizations the cluster itself applies: Flux bootstrap's `flux-system` when the repo has
 * one (other parentless Kustomizations are then files nothing includes); otherwise, every
 * Kustomization that no build applies (a flux-operator or hand-applied layout).
 */
function chooseRoots(parentless: KubeObject[]): KubeObject[] {
  const bootstrap = parentless.filter((object) => object.name === 'flux-system');
  return bootstrap.length > 0 ? bootstrap : parentless;
}

function specPath(body: Record<string, unknown>): string | undefined {
  const value = asRecord(body.spec)?.path;
  if (typeof value !== 'string') return '.';
  return path.posix.normalize(value.replace(/^\.?\//, '') || '.');
}

/** Sources in this repository: the GitRepository the roots use (Flux bootstrap's flux-system). */
function isThisRepository(sourceRef: Record<string, unknown>, firstRoot: FluxNode): boolean {
  if (sourceRef.kind !== undefined && sourceRef.kind !== 'GitRepository' && sourceRef.kind !== 'OCIRepository') return false;
  const rootRef = asRecord(asRecord(firstRoot.object.body.spec)?.sourceRef) ?? {};
  return sourceRef.name === undefined || sourceRef.name === rootRef.name;
}

/** The build of one Flux Kustomization's path, with its own components, patches, images, targetNamespace, postBuild and commonMetadata. */
function buildPath(
  root: string,
  kustomizer: Kustomizer,
  target: string | undefined,
  spec: Record<string, unknown> | undefined,
  variables: Record<string, unknown> = {},
  /** The file the Kustomization is written in, where errors in its spec.patches point. */
  specFile?: string,
): Build & { problem?: FluxNode['problem'] } {
  if (target === undefined || !kustomizer.paths.exists(target)) {
    // Checking a subdirectory of a repository: paths are relative to the repository's root.
    const repository = findGitRoot(root);
    if (target !== undefined && repository && path.resolve(repository) !== path.resolve(root) && existsSync(path.join(repository, target))) {
      return { objects: [], omitted: [], problem: { message: `spec.path ${target} is outside the checked directory`, unsupported: true } };
    }
    return { objects: [], omitted: [], problem: { message: `spec.path ${target ?? '(none)'} does not exist in the repository`, unsupported: false, missingPath: true } };
  }
  // Without a spec nothing transforms the build: read the kustomizer's own objects, copy nothing.
  const take: Take = spec ? 'copies' : 'shared';
  let built: Build;
  try {
    // ignoreMissingComponents (Flux 2.5+) drops components whose directory does not exist.
    const components = (Array.isArray(spec?.components) ? spec.components : []).filter(
      (entry): entry is string => typeof entry === 'string' && (spec?.ignoreMissingComponents !== true || kustomizer.paths.exists(path.posix.join(target, entry))),
    );
    built = kustomizer.kustomizationIn(target)
      ? kustomizer.build(target, take, components, 'none')
      : components.length > 0
        ? kustomizer.addComponents(target, generatedBuild(root, kustomizer, target, 'copies'), components)
        : generatedBuild(root, kustomizer, target, take);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    return { objects: [], omitted: [], problem: { message: error.message, unsupported: error.unsupported, error } };
  }
  if (!spec) return built;
  const { objects, omitted } = built;
  try {
    const patched = kustomizer.patchAll(objects, spec.patches, omitted.length > 0, specFile, ['spec', 'patches']);
    // kustomize-controller writes spec.images into the kustomization it builds: they apply after its patches.
    if (Array.isArray(spec.images)) setImages(patched.map((object) => object.body), spec.images as ImageOverride[]);
    if (typeof spec.targetNamespace === 'string' && spec.targetNamespace !== '') moveToNamespace(patched, spec.targetNamespace, kustomizer.scope, specFile ?? target, ['spec', 'targetNamespace']);
    const substituted = substitute(patched, asRecord(spec.postBuild), variables);
    const common = asRecord(spec.commonMetadata);
    if (common) setCommonMetadata(substituted.map((object) => object.body), stringMap(common.labels), stringMap(common.annotations));
    return { objects: substituted, omitted };
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    return { objects, omitted, problem: { message: error.message, unsupported: error.unsupported, error } };
  }
}

/**
 * Flux's own generated kustomization for a path without one: every manifest below it, and every
 * directory that has a kustomization.yaml built as a unit.
 */
function generatedBuild(root: string, kustomizer: Kustomizer, dir: string, take: Take): Build {
  const objects: RenderedObject[] = [];
  const omitted: Omission[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const relative = path.posix.join(dir, entry.name);
    let added: readonly RenderedObject[];
    if (entry.isDirectory() || (entry.isSymbolicLink() && statSync(path.join(root, relative)).isDirectory())) {
      const built = kustomizer.kustomizationIn(relative) ? kustomizer.build(relative, take, [], 'none') : generatedBuild(root, kustomizer, relative, take);
      added = built.objects;
      omitted.push(...built.omitted);
    } else if (MANIFEST.test(entry.name)) {
      added = kustomizer.manifests(relative, take);
    } else {
      continue;
    }
    const clash = firstClash(objects, added);
    if (clash) {
      const file = clash.source?.file ?? relative;
      throw new RenderError(`${file} adds ${objectId(clash)}, which ${dir} already has: kustomize refuses an object twice ("may not add resource with an already registered id")`, file);
    }
    objects.push(...added);
  }
  return { objects, omitted };
}

