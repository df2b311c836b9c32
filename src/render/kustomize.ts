import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Operation } from 'fast-json-patch';
import jsyaml from 'js-yaml';
import type { ObjectSource } from '../repo/object.js';
import { asList, asRecord, parseFile } from '../repo/parse.js';
import { KUBERNETES_YAML_SCHEMA } from '../repo/yaml11-schema.js';
import type { SchemaBundle } from '../schema/bundle.js';
import { jsonPatch } from '../lazy-packages.js';
import { copyBody } from './copy-body.js';
import { kustomizeBody } from './kustomize-read.js';
import { PathFacts } from '../repo/path-facts.js';
import { contentHash, generate, type GeneratorArgs, type GeneratorOptions } from './generators.js';
import type { KindScope } from './kind-scope.js';
import { BUILTIN_NAME_REFERENCES, matchesKind, readNameReferences, renameConfiguredReferences, type NameReference } from './name-references.js';
import { strategicMerge } from './strategic-merge.js';
import { addAnnotations, addLabels, metadataOf, podSpecsOf, setImages, setNamespace, setReplicas, type ImageOverride } from './transformers.js';

type JsonObject = Record<string, unknown>;

/** One object of a build, with the file it came from (generated objects come from the kustomization). */
export interface RenderedObject {
  body: JsonObject;
  source?: ObjectSource;
  /** Generated ConfigMaps/Secrets that take kustomize's content hash. */
  hashed?: boolean;
  /** Names it had earlier in this build (before a namePrefix, nameSuffix or hash): references to them follow it. */
  previousNames?: string[];
  /** Flux postBuild variables this object uses that had no value and no default, where each is used. */
  unsubstituted?: { variable: string; path: (string | number)[] }[];
}

/** A part of a build hctl does not render offline (a Helm chart, a remote resource): the rest is built without it. */
export interface Omission {
  /** The kustomization that asks for it, and where in it (`['helmCharts', 0]`). */
  file: string;
  path: (string | number)[];
  /** What is left out: "Helm chart keda 2.20.2 from https://kedacore.github.io/charts". */
  what: string;
}

/** The objects of a build, and what hctl left out of it. */
export interface Build {
  objects: RenderedObject[];
  omitted: readonly Omission[];
}

/** What one build gathers from all its kustomizations: `configurations` name references (kustomize merges them), omissions. */
interface BuildState {
  references: NameReference[];
  omitted: Omission[];
  loads: LoadRestriction;
}

/**
 * Which files a kustomization may read. kustomize's default (`kubectl kustomize`, `kubectl apply -k`,
 * Argo CD) is `rootOnly`: a file must be in or below the kustomization's directory (bases and
 * components, which are directories, may be anywhere). Flux builds with `none`, inside the source.
 */
export type LoadRestriction = 'rootOnly' | 'none';

/** What a caller gets: its own copies to transform, or (`shared`) the cached objects, to read only. */
export type Take = 'copies' | 'shared';

/** A build step that failed, at the kustomization line that asked for it. */
export class RenderError extends Error {
  /** Where in the kustomization file the failing entry is (`['resources', 2]`), when known. */
  path?: (string | number)[];
  /** The key at `path` is what is wrong (an unknown field), not its value. */
  atKey?: boolean;

  constructor(
    message: string,
    readonly file: string,
    readonly unsupported = false,
  ) {
    super(message);
  }
}

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
/** Fields whose steps change the objects of a build (runTransformers). */
const TRANSFORM_FIELDS = ['patchesStrategicMerge', 'patches', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels', 'labels', 'commonAnnotations', 'patchesJson6902', 'replicas', 'images'];
/** kustomize features hctl does not render itself; `kubectl kustomize` can. */
const UNSUPPORTED_FIELDS = ['helmChartInflationGenerator', 'generators', 'transformers', 'validators', 'replacements', 'crds', 'openapi', 'vars', 'sortOptions'];

export function findKustomization(root: string, dir: string, exists = (file: string) => existsSync(path.join(root, file))): string | undefined {
  return KUSTOMIZATION_NAMES.map((name) => path.posix.join(dir, name)).find(exists);
}

/**
 * Builds kustomization directories the way `kubectl kustomize` does, offline and in-process:
 * resources (files and directories), components, configMap/secret generators with hashed names,
 * patches (strategic merge with Kubernetes merge keys, and JSON 6902), namespace, labels,
 * annotations, images, replicas and `configurations` name references. Paths are relative to
 * `root`, with forward slashes.
 */
export class Kustomizer {
  private readonly parsed = new Map<string, RenderedObject[]>();
  /** Finished builds by directory: Flux asks for the same directories again (roots, then nodes). */
  private readonly builds = new Map<string, Build>();
  /** Parsed patch documents by text (see inlineObjects). */
  private readonly patches = new Map<string, unknown[]>();
  /** Every kustomization file a build read, with its content, in the order read. */
  readonly kustomizationsRead = new Map<string, JsonObject>();
  /** Files that hold a YAML document that is not a Kubernetes object, which kustomize refuses as a resource. */
  private readonly holdingOtherDocuments: Set<string>;
  /** Objects whose body is still the parsed file's own (not copied): read them, `own` them before changing them. */
  private readonly borrowedObjects = new WeakSet<RenderedObject>();

  readonly paths: PathFacts;
  private readonly omitUnrendered: boolean;

  /**
   * `preloaded`: objects already parsed by the loader, by file, so no file is parsed twice;
   * `otherDocuments`: which of those files also hold documents that are not objects.
   * `paths`: what exists (the loader's walk already listed most directories).
   * `omitUnrendered`: build the rest of a kustomization whose Helm charts or remote resources hctl
   * cannot render offline, and list them in the build's `omitted` (else they fail the build).
   */
  constructor(
    private readonly root: string,
    private readonly bundle: SchemaBundle,
    readonly scope: KindScope,
    options: { preloaded?: ReadonlyMap<string, RenderedObject[]>; otherDocuments?: ReadonlySet<string>; paths?: PathFacts; omitUnrendered?: boolean } = {},
  ) {
    this.paths = options.paths ?? new PathFacts(root);
    this.omitUnrendered = options.omitUnrendered ?? false;
    this.holdingOtherDocuments = new Set(options.otherDocuments);
    for (const [file, objects] of options.preloaded ?? []) this.parsed.set(file, objects.map((object) => ({ ...object, body: kustomizeBody(object) })));
  }

  /** The objects of one manifest file, as a build would take them. */
  manifests(file: string, take: Take = 'copies'): RenderedObject[] {
    const objects = this.resourceObjects(file, file);
    return take === 'shared' ? objects : objects.map((object) => ({ ...object, body: copyBody(object.body) }));
  }

  /**
   * Applies a `patches:` list (kustomize's, or a Flux Kustomization's spec.patches) to built objects.
   * `partial`: the build left something out, which a patch that matches nothing may be aimed at.
   * `file` and `at`: where the list is written, for errors (`['spec', 'patches']` of a Flux Kustomization).
   */
  patchAll(objects: RenderedObject[], patches: unknown, partial: boolean, file = '(spec.patches)', at: (string | number)[] = []): RenderedObject[] {
    asList(patches).forEach((entry, index) => {
      const spec = asRecord(entry) ?? {};
      if (typeof spec.patch === 'string') atEntry(file, [...at, index], () => this.applyPatch(objects, spec.patch as string, asRecord(spec.target), file, partial));
    });
    return objects;
  }

  /** The kustomization file of a directory, if it has one. */
  kustomizationIn(dir: string): string | undefined {
    return findKustomization(this.root, dir, (file) => this.paths.exists(file));
  }

  /** `components`: Flux's `spec.components`, directories relative to `dir` that kustomize-controller appends to the kustomization's own. */
  build(dir: string, take: Take = 'copies', components: readonly string[] = [], loads: LoadRestriction = 'rootOnly'): Build {
    const key = [dir, loads, ...components].join('\n');
    let built = this.builds.get(key);
    if (!built) {
      const state: BuildState = { references: [], omitted: [], loads };
      const objects = this.accumulate(dir, [], [], state, components);
      this.finishNames(objects, state.references);
      built = { objects, omitted: state.omitted };
      this.builds.set(key, built);
    }
    // Callers transform what they get (Flux patches, namespaces): each gets its own copy.
    return take === 'shared' ? built : { objects: built.objects.map((object) => ({ ...object, body: copyBody(object.body) })), omitted: built.omitted };
  }

  /**
   * Flux's `spec.components` on a path without a kustomization.yaml: kustomize-controller generates
   * one listing the path's files and appends the components, which then add to and transform them.
   */
  addComponents(dir: string, build: Build, components: readonly string[]): Build {
    const state: BuildState = { references: [], omitted: [...build.omitted], loads: 'none' };
    const objects = build.objects;
    const start = objects.length;
    for (const entry of components) this.accumulate(this.resolve(dir, entry, dir), objects, [], state);
    this.finishNames(objects, state.references, start);
    return { objects, omitted: state.omitted };
  }

  private accumulate(dir: string, objects: RenderedObject[], stack: string[], state: BuildState, extraComponents: readonly string[] = []): RenderedObject[] {
    const file = this.kustomizationIn(dir);
    // Reported at the entry that names the directory, when a kustomization does.
    if (!file) throw new RenderError(`no kustomization.yaml in ${dir}`, stack.at(-1) ?? dir);
    if (stack.includes(file)) throw new RenderError(`kustomization cycle: ${[...stack, file].join(' → ')}`, file);
    const kustomization = this.loadKustomization(file);
    asList(kustomization.helmCharts).forEach((entry, index) => this.omit(state, { file, path: ['helmCharts', index], what: describeChart(asRecord(entry) ?? {}) }, 'helmCharts is not rendered by hctl'));
    const unsupported = UNSUPPORTED_FIELDS.find((field) => kustomization[field] !== undefined);
    if (unsupported) {
      const error = new RenderError(`${unsupported} is not rendered by hctl`, file, true);
      error.path = [unsupported];
      error.atKey = true;
      throw error;
    }
    const next = [...stack, file];
    const entries = [...asList(kustomization.resources).map((entry, index) => ['resources', index, entry] as const), ...asList(kustomization.bases).map((entry, index) => ['bases', index, entry] as const)];
    for (const [field, index, entry] of entries) {
      atEntry(file, [field, index], () => {
        const added = this.resource(String(entry), dir, file, [field, index], next, state);
        const clash = firstClash(objects, added);
        if (clash) throw new RenderError(`${String(entry)} adds ${objectId(clash)}, which the build already has: kustomize refuses an object twice ("may not add resource with an already registered id")`, file);
        objects.push(...added);
      });
    }
    asList(kustomization.components).forEach((entry, index) => {
      atEntry(file, ['components', index], () => this.accumulate(this.resolve(dir, String(entry), file), objects, next, state));
    });
    for (const entry of extraComponents) this.accumulate(this.resolve(dir, entry, file), objects, next, state);
    asList(kustomization.configurations).forEach((entry, index) => {
      atEntry(file, ['configurations', index], () => state.references.push(...this.nameReferences(this.resolveFile(dir, String(entry), file, state), file)));
    });
    // With something left out, a patch or merge that finds nothing may be aimed at what is missing.
    const partial = state.omitted.length > 0;
    this.runGenerators(kustomization, dir, file, objects, partial, state);
    this.runTransformers(kustomization, dir, file, objects, partial, state);
    return objects;
  }

  /** Leaves a part of the build out (omitUnrendered), or fails the build as kustomize without it would. */
  private omit(state: BuildState, omission: Omission, refusal: string): void {
    if (this.omitUnrendered) {
      state.omitted.push(omission);
      return;
    }
    const error = new RenderError(refusal, omission.file, true);
    error.path = omission.path;
    throw error;
  }

  private resource(entry: string, dir: string, file: string, at: (string | number)[], stack: string[], state: BuildState): RenderedObject[] {
    if (/^[a-z]+:\/\/|^github\.com\/|^git@|\?ref=|\.git(\/|$)/.test(entry)) {
      this.omit(state, { file, path: at, what: `remote resource ${entry}` }, `remote resource ${entry} is not fetched offline`);
      return [];
    }
    const target = this.resolve(dir, entry, file);
    if (this.paths.isDirectory(target)) return this.accumulate(target, [], stack, state);
    this.checkLoad(dir, entry, target, file, state);
    // Not copied yet: most kustomizations only list resources; the first transform copies (own).
    return this.resourceObjects(target, file).map((object) => this.borrowed({ ...object }));
  }

  /** A file's objects taken as a resource: kustomize refuses a document that is not an object, or one without a name. */
  private resourceObjects(target: string, from: string): RenderedObject[] {
    const objects = this.loadObjects(target, from);
    if (this.holdingOtherDocuments.has(target)) {
      throw new RenderError(`${target} holds a YAML document that is not a Kubernetes object, and kustomize refuses it as a resource ("missing Resource metadata")`, from);
    }
    const unnamed = objects.find((object) => typeof metadataOf(object.body).name !== 'string' || metadataOf(object.body).name === '');
    if (unnamed) {
      throw new RenderError(`${target} holds a ${String(unnamed.body.kind)} without metadata.name, and kustomize refuses it ("missing metadata.name"; generateName is for kubectl create)`, from);
    }
    return objects;
  }

  private runGenerators(kustomization: JsonObject, dir: string, file: string, objects: RenderedObject[], partial: boolean, state: BuildState): void {
    const options = (asRecord(kustomization.generatorOptions) ?? {}) as GeneratorOptions;
    // `at`: the entry naming the file inside its generator (`['files', 1]`), where the finding points.
    const readFile = (entry: string, at: (string | number)[]) => {
      let target: string | undefined;
      try {
        target = this.containedPath(dir, entry, file);
        this.checkLoad(dir, entry, target, file, state);
        return readFileSync(path.join(this.root, target), 'utf8');
      } catch (caught) {
        const error = caught instanceof RenderError ? caught : new RenderError(`generator file ${target} does not exist`, file);
        error.path = at;
        throw error;
      }
    };
    for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
      asList(kustomization[field]).forEach((entry, index) =>
        atEntry(file, [field, index], () => {
          const generated = generate(kind, entry as GeneratorArgs, options, (named, at) => readFile(named, [field, index, ...at]));
          const name = metadataOf(generated.object).name;
          const existing = objects.find((object) => object.body.kind === kind && metadataOf(object.body).name === name);
          if (generated.behavior !== 'merge' && generated.behavior !== 'replace') {
            const made: RenderedObject = { body: generated.object, hashed: generated.hashed, ...this.sourceOf(file) };
            if (firstClash(objects, [made])) throw new RenderError(`${field} ${String(name)}: the build already has this ${kind}; kustomize creates it once (behavior: merge or replace changes the existing one)`, file);
            objects.push(made);
            return;
          }
          if (!existing) {
            if (partial) return;
            throw new RenderError(`${field} ${String(name)}: behavior ${generated.behavior} needs an existing ${kind}`, file);
          }
          this.own([existing]);
          existing.body.data = generated.behavior === 'merge' ? { ...asRecord(existing.body.data), ...asRecord(generated.object.data) } : generated.object.data;
          existing.hashed = existing.hashed && generated.hashed;
        }),
      );
    }
  }

  private runTransformers(kustomization: JsonObject, dir: string, file: string, objects: RenderedObject[], partial: boolean, state: BuildState): void {
    if (!TRANSFORM_FIELDS.some((field) => kustomization[field] !== undefined)) return;
    this.own(objects);
    const bodies = () => objects.map((object) => object.body);
    for (const entry of asList(kustomization.patchesStrategicMerge)) {
      const text = String(entry);
      for (const patch of text.includes('\n') ? this.inlineObjects(text, file) : this.loadObjects(this.resolveFile(dir, text, file, state), file).map((object) => object.body)) {
        this.applyStrategic(objects, patch as JsonObject, undefined, file, partial);
      }
    }
    for (const entry of asList(kustomization.patches)) this.applyPatchEntry(objects, asRecord(entry) ?? {}, dir, file, partial, state);
    if (typeof kustomization.namespace === 'string' && kustomization.namespace !== '') {
      moveToNamespace(objects, kustomization.namespace, this.scope, file, ['namespace']);
    }
    if (typeof kustomization.namePrefix === 'string' || typeof kustomization.nameSuffix === 'string') {
      for (const object of objects) {
        const metadata = metadataOf(object.body);
        if (object.body.kind === 'CustomResourceDefinition' || object.body.kind === 'Namespace') continue;
        object.previousNames = [...(object.previousNames ?? []), String(metadata.name)];
        metadata.name = `${String(kustomization.namePrefix ?? '')}${String(metadata.name)}${String(kustomization.nameSuffix ?? '')}`;
      }
    }
    const commonLabels = asRecord(kustomization.commonLabels) as Record<string, string> | undefined;
    if (commonLabels) addLabels(bodies(), commonLabels, { selectors: true, templates: true });
    for (const entry of asList(kustomization.labels)) {
      const labels = asRecord(entry) ?? {};
      addLabels(bodies(), (asRecord(labels.pairs) ?? {}) as Record<string, string>, { selectors: labels.includeSelectors === true, templates: labels.includeTemplates === true });
    }
    const annotations = asRecord(kustomization.commonAnnotations) as Record<string, string> | undefined;
    if (annotations) addAnnotations(bodies(), annotations);
    for (const entry of asList(kustomization.patchesJson6902)) this.applyPatchEntry(objects, asRecord(entry) ?? {}, dir, file, partial, state);
    if (Array.isArray(kustomization.replicas)) setReplicas(bodies(), kustomization.replicas as { name: string; count: number }[]);
    if (Array.isArray(kustomization.images)) setImages(bodies(), kustomization.images as ImageOverride[]);
  }

  /** A `patches:`/`patchesJson6902:` entry: inline (`patch:`) or from a file (`path:`). */
  private applyPatchEntry(objects: RenderedObject[], spec: JsonObject, dir: string, file: string, partial: boolean, state: BuildState): void {
    if (typeof spec.patch === 'string') return this.applyPatch(objects, spec.patch, asRecord(spec.target), file, partial);
    const patchFile = this.resolveFile(dir, String(spec.path), file, state);
    this.applyPatch(objects, readFileSync(path.join(this.root, patchFile), 'utf8'), asRecord(spec.target), file, partial, patchFile);
  }

  /** JSON 6902 when the patch is a list of operations, a strategic merge patch otherwise. */
  private applyPatch(objects: RenderedObject[], text: string, target: JsonObject | undefined, file: string, partial: boolean, patchFile?: string): void {
    const documents = this.inlineObjects(text, file, true, patchFile);
    const first = documents[0] as unknown;
    if (Array.isArray(first)) {
      // Like kustomize, a target that selects nothing is not an error.
      const matched = objects.filter((object) => matchesTarget(object.body, target));
      if (matched.length === 0) return;
      // Patched objects hold the operations' values themselves: a copy keeps the parsed patch intact for the next build.
      const operations = copyBody(first) as Operation[];
      for (const object of matched) {
        for (const operation of operations) {
          try {
            // kustomize's JSON patch replaces a missing key whose parent exists (as this library does unvalidated), but removes only what is there.
            if (operation.op === 'remove' && jsonPatch().getValueByPointer(object.body, operation.path) === undefined) throw new Error('the object has no such key');
            object.body = jsonPatch().applyOperation(object.body, operation, false, false).newDocument;
          } catch (error) {
            const reason = error instanceof TypeError ? 'the object has no such path' : (error as Error).message.split('\n')[0];
            throw new RenderError(`JSON patch on ${describeTarget(target)} failed: ${operation.op} ${operation.path}: ${reason}`, file);
          }
        }
      }
      return;
    }
    for (const patch of documents) this.applyStrategic(objects, patch as JsonObject, target, file, partial);
  }

  private applyStrategic(objects: RenderedObject[], patch: JsonObject, target: JsonObject | undefined, file: string, partial: boolean): void {
    const selector = target ?? { kind: patch.kind, name: metadataOf(patch).name, ...(metadataOf(patch).namespace ? { namespace: metadataOf(patch).namespace } : {}) };
    const matched = objects.filter((object) => matchesTarget(object.body, selector));
    // A patch that names its own object must find it; a target that selects nothing is fine.
    if (matched.length === 0 && !target && !partial) throw new RenderError(`patch for ${describeTarget(selector)} matches nothing`, file);
    for (const object of matched) {
      // A patch with a target may carry any name; it must not rename what it patches.
      const body = target ? { ...patch, metadata: { ...metadataOf(patch), name: metadataOf(object.body).name } } : patch;
      if (target) delete (body.metadata as JsonObject).namespace;
      object.body = strategicMerge(object.body, body, this.bundle);
    }
  }

  /**
   * Content hashes on generated names, then every reference to a renamed object (by a namePrefix,
   * nameSuffix or hash) follows it, once the build is complete — as kustomize fixes references by
   * each object's earlier names. `from`: only objects from this index on still need their hash.
   */
  private finishNames(objects: RenderedObject[], references: readonly NameReference[], from = 0): void {
    for (const object of objects.slice(from)) {
      if (!object.hashed) continue;
      const metadata = metadataOf(object.body);
      object.previousNames = [...(object.previousNames ?? []), String(metadata.name)];
      metadata.name = `${String(metadata.name)}-${contentHash(object.body)}`;
    }
    const renamedObjects = objects.filter((object) => object.previousNames?.length);
    if (renamedObjects.length === 0) return;
    this.own(objects);
    const allReferences = [...BUILTIN_NAME_REFERENCES, ...references];
    for (const object of objects) {
      const referrerNamespace = String(metadataOf(object.body).namespace ?? '');
      // A cluster-scoped referral (a ClusterRole) or referrer (a webhook configuration) matches in any namespace.
      const renamed = (matches: (body: JsonObject) => boolean, name: unknown, namespace = referrerNamespace) => {
        const target = renamedObjects.find(({ body, previousNames }) => {
          const targetNamespace = String(metadataOf(body).namespace ?? '');
          return previousNames!.includes(name as string) && (targetNamespace === namespace || targetNamespace === '' || namespace === '') && matches(body);
        });
        return target ? String(metadataOf(target.body).name) : undefined;
      };
      for (const spec of podSpecsOf(object.body)) renamePodReferences(spec, (kind, name) => renamed((body) => body.kind === kind, name));
      renameConfiguredReferences(object.body, allReferences, (referral, name) => renamed((body) => matchesKind(body, referral), name));
      for (const subject of asList(object.body.subjects) as JsonObject[]) {
        if (subject?.kind !== 'ServiceAccount') continue;
        const next = renamed((body) => body.kind === 'ServiceAccount', subject.name, String(subject.namespace ?? referrerNamespace));
        if (next) subject.name = next;
      }
    }
  }

  /** The name references of one `configurations:` file; other transformer settings are not rendered. */
  private nameReferences(target: string, file: string): NameReference[] {
    let config: unknown;
    try {
      config = jsyaml.load(readFileSync(path.join(this.root, target), 'utf8'), { schema: KUBERNETES_YAML_SCHEMA });
    } catch (error) {
      throw new RenderError(`configurations file ${target} does not parse: ${(error as Error).message.split('\n')[0]}`, file);
    }
    const { references, unsupported } = readNameReferences(asRecord(config) ?? {});
    if (unsupported) throw new RenderError(`configurations: ${unsupported} in ${target} is not rendered by hctl`, file, true);
    return references;
  }

  private loadKustomization(file: string): JsonObject {
    const objects = this.loadObjects(file, file);
    if (objects.length === 0) throw new RenderError(`${file} is empty or not YAML`, file);
    this.kustomizationsRead.set(file, objects[0]!.body);
    return objects[0]!.body;
  }

  private loadObjects(target: string, from: string): RenderedObject[] {
    let cached = this.parsed.get(target);
    if (!cached) {
      let text: string;
      try {
        text = readFileSync(path.join(this.root, target), 'utf8');
      } catch {
        throw new RenderError(`resource ${target} does not exist`, from);
      }
      const parsed = parseFile(target, text);
      if (parsed.problems.length > 0) throw new RenderError(`${target} does not parse: ${parsed.problems[0]!.message}`, from);
      if (parsed.otherDocuments > 0) this.holdingOtherDocuments.add(target);
      cached = parsed.objects.map((object) => ({ body: kustomizeBody(object), ...(object.source ? { source: object.source } : {}) }));
      this.parsed.set(target, cached);
    }
    return cached;
  }

  /**
   * Patch documents; `patchFile` names the file they come from, else they are written inline in
   * `file`. Parsed once per text (Flux Kustomizations repeat the same few patches many times) and
   * shared, never changed: a strategic merge copies what it takes from a patch, and a JSON patch is
   * copied only when it matches something (most builds a Flux patch meets hold nothing it targets).
   */
  private inlineObjects(text: string, file: string, allowLists = false, patchFile?: string): readonly unknown[] {
    const key = `${String(allowLists)}\0${patchFile ?? file}\0${text}`;
    let documents = this.patches.get(key);
    if (!documents) this.patches.set(key, (documents = this.parsePatch(text, file, allowLists, patchFile)));
    return documents;
  }

  private parsePatch(text: string, file: string, allowLists: boolean, patchFile: string | undefined): unknown[] {
    const where = patchFile ? `patch ${patchFile}` : `inline patch in ${file}`;
    const parsed = parseFile(patchFile ?? file, text);
    if (parsed.problems.length > 0) throw new RenderError(`${where} does not parse: ${parsed.problems[0]!.message}`, file);
    if (parsed.objects.length > 0) return parsed.objects.map((object) => kustomizeBody(object));
    if (!allowLists) return [];
    // JSON 6902 operation lists are YAML sequences, which parseFile counts as other documents.
    try {
      const operations = jsyaml.load(text, { schema: KUBERNETES_YAML_SCHEMA });
      return Array.isArray(operations) ? [operations] : [];
    } catch {
      throw new RenderError(`${where} does not parse`, file);
    }
  }

  private resolve(dir: string, entry: string, file: string): string {
    const target = this.containedPath(dir, entry, file);
    if (!this.paths.exists(target)) throw new RenderError(`${entry} does not exist (from ${dir})`, file);
    return target;
  }

  /** An entry naming a file (a patch, a generator's file, `configurations`), under the build's load restriction. */
  private resolveFile(dir: string, entry: string, file: string, state: BuildState): string {
    const target = this.resolve(dir, entry, file);
    this.checkLoad(dir, entry, target, file, state);
    return target;
  }

  /** `entry` relative to the checked root; hctl reads nothing outside it, and kustomize takes no absolute path. */
  private containedPath(dir: string, entry: string, file: string): string {
    if (path.posix.isAbsolute(entry)) throw new RenderError(`${entry} is an absolute path: kustomize reads entries relative to the kustomization's directory`, file);
    // `models/` names the directory `models`: no trailing slash, so `dir/` prefixes what is below it.
    const target = path.posix.normalize(path.posix.join(dir, entry)).replace(/(.)\/+$/, '$1');
    if (target === '..' || target.startsWith('../')) throw new RenderError(`${entry} is outside the checked directory (from ${dir}): check the repository's root to build it`, file);
    return target;
  }

  private checkLoad(dir: string, entry: string, target: string, file: string, state: BuildState): void {
    if (state.loads === 'none' || dir === '.' || target.startsWith(`${dir}/`)) return;
    throw new RenderError(
      `${entry} is not in or below ${dir}, and kustomize's default load restrictor refuses files outside the kustomization's directory (Flux builds allow them)`,
      file,
    );
  }

  private borrowed(object: RenderedObject): RenderedObject {
    this.borrowedObjects.add(object);
    return object;
  }

  /** Copies the bodies still borrowed from parsed files, before a step changes them. */
  private own(objects: readonly RenderedObject[]): void {
    for (const object of objects) {
      if (!this.borrowedObjects.delete(object)) continue;
      object.body = copyBody(object.body);
    }
  }


  private sourceOf(file: string): { source?: ObjectSource } {
    const object = this.loadObjects(file, file)[0];
    return object?.source ? { source: object.source } : {};
  }
}

/** Runs one kustomization entry; an error it raises about this file points at the entry. */
/** The first object of `added` whose id (apiVersion, kind, namespace, name) `existing` or an earlier one of `added` has. */
export function firstClash(existing: readonly RenderedObject[], added: readonly RenderedObject[]): RenderedObject | undefined {
  const id = (body: JsonObject) => {
    const metadata = metadataOf(body);
    // kustomize counts no namespace as `default`.
    return `${String(body.apiVersion)} ${String(body.kind)} ${String(metadata.namespace || 'default')}/${String(metadata.name)}`;
  };
  const seen = new Set(existing.map((object) => id(object.body)));
  for (const object of added) {
    const key = id(object.body);
    if (seen.has(key)) return object;
    seen.add(key);
  }
  return undefined;
}

/** An object as kustomize's errors name it: `Kind namespace/name`. */
/**
 * kustomize's namespace transformer, as a kustomization's `namespace`, Flux's `targetNamespace` and
 * Argo CD's `kustomize.namespace` (both written into the kustomization) run it: two objects made one fail the build.
 */
export function moveToNamespace(objects: readonly RenderedObject[], namespace: string, scope: KindScope, file: string, at: (string | number)[]): void {
  setNamespace(objects.map((object) => object.body), namespace, scope);
  const clash = firstClash([], objects);
  if (!clash) return;
  const error = new RenderError(`${String(at.at(-1))} ${namespace} makes two objects one: ${objectId(clash)} ("namespace transformation produces ID conflict")`, file);
  error.path = at;
  throw error;
}

export function objectId(object: RenderedObject): string {
  const metadata = metadataOf(object.body);
  return `${String(object.body.kind)} ${metadata.namespace ? `${String(metadata.namespace)}/` : ''}${String(metadata.name)}`;
}

function atEntry(file: string, path: (string | number)[], run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (error instanceof RenderError && error.file === file && !error.path) error.path = path;
    throw error;
  }
}

function renamePodReferences(spec: JsonObject, renamed: (kind: string, name: unknown) => string | undefined): void {
  const rename = (holder: JsonObject | undefined, kind: string, field: string) => {
    const next = holder ? renamed(kind, holder[field]) : undefined;
    if (holder && next) holder[field] = next;
  };
  for (const volume of asList(spec.volumes) as JsonObject[]) {
    rename(asRecord(volume?.configMap), 'ConfigMap', 'name');
    rename(asRecord(volume?.secret), 'Secret', 'secretName');
    for (const source of asList(asRecord(volume?.projected)?.sources) as JsonObject[]) {
      rename(asRecord(source?.configMap), 'ConfigMap', 'name');
      rename(asRecord(source?.secret), 'Secret', 'name');
    }
  }
  for (const pull of asList(spec.imagePullSecrets) as JsonObject[]) rename(pull, 'Secret', 'name');
  rename(spec, 'ServiceAccount', 'serviceAccountName');
  for (const volume of asList(spec.volumes) as JsonObject[]) rename(asRecord(volume?.persistentVolumeClaim), 'PersistentVolumeClaim', 'claimName');
  for (const container of [...asList(spec.containers), ...asList(spec.initContainers)] as JsonObject[]) {
    for (const from of asList(container?.envFrom) as JsonObject[]) {
      rename(asRecord(from?.configMapRef), 'ConfigMap', 'name');
      rename(asRecord(from?.secretRef), 'Secret', 'name');
    }
    for (const variable of asList(container?.env) as JsonObject[]) {
      const valueFrom = asRecord(variable?.valueFrom);
      rename(asRecord(valueFrom?.configMapKeyRef), 'ConfigMap', 'name');
      rename(asRecord(valueFrom?.secretKeyRef), 'Secret', 'name');
    }
  }
}

/** kustomize patch targets: kind, group, version, name and namespace (regular expressions), label selectors. */
function matchesTarget(body: JsonObject, target: JsonObject | undefined): boolean {
  if (!target) return false;
  const [group, version] = String(body.apiVersion ?? '').includes('/') ? String(body.apiVersion).split('/') : ['', String(body.apiVersion ?? '')];
  const metadata = asRecord(body.metadata) ?? {};
  const checks: [unknown, unknown][] = [
    [target.kind, body.kind],
    [target.group, group],
    [target.version, version],
    [target.name, metadata.name],
    [target.namespace, metadata.namespace],
  ];
  for (const [wanted, actual] of checks) {
    if (wanted === undefined || wanted === null || wanted === '') continue;
    if (!new RegExp(`^(?:${String(wanted)})$`).test(String(actual ?? ''))) return false;
  }
  if (typeof target.labelSelector === 'string' && !selectorMatches(target.labelSelector, asRecord(metadata.labels) ?? {})) return false;
  if (typeof target.annotationSelector === 'string' && !selectorMatches(target.annotationSelector, asRecord(metadata.annotations) ?? {})) return false;
  return true;
}

function selectorMatches(selector: string, labels: JsonObject): boolean {
  return selector.split(',').every((term) => {
    const [key, value] = term.split(/!?=+/).map((part) => part.trim());
    if (term.includes('!=')) return labels[key!] !== value;
    return value === undefined ? key! in labels : labels[key!] === value;
  });
}

/** "Helm chart keda 2.20.2 from https://kedacore.github.io/charts", from a `helmCharts` entry. */
function describeChart(chart: JsonObject): string {
  const name = typeof chart.name === 'string' ? chart.name : '(unnamed)';
  const version = typeof chart.version === 'string' || typeof chart.version === 'number' ? ` ${String(chart.version)}` : '';
  const from = typeof chart.repo === 'string' ? ` from ${chart.repo}` : '';
  return `Helm chart ${name}${version}${from}`;
}

function describeTarget(target: JsonObject | undefined): string {
  if (!target) return '(no target)';
  return Object.entries(target).map(([key, value]) => `${key}=${String(value)}`).join(' ');
}
