import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { JsonSchema } from './transform.js';

interface BundleIndex {
  sources: Record<string, string>;
  /** Core kinds with no namespace (kindKey form). */
  clusterScoped: string[];
  /** `group/version/kind` (kind lower-cased) → definition name in kubernetes.json.gz. */
  kubernetes: Record<string, string>;
  /** `group/version/kind` → the group file under crds/. */
  crds: Record<string, string>;
}

/** Where the generated bundle lives in the package (see scripts/build-schema-bundle.mjs). */
export const BUNDLE_DIR = new URL('../../schemas/', import.meta.url);

export function kindKey(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind.toLowerCase()}`;
}

let embedded: SchemaBundle | undefined;

/** The bundle hctl ships, read once per process. */
export function embeddedBundle(): SchemaBundle {
  return (embedded ??= new SchemaBundle());
}

/** The embedded schemas, read lazily: the index at start, a group's file the first time it is needed. */
export class SchemaBundle {
  private readonly index: BundleIndex;
  private kubernetesDocument: { definitions: Record<string, JsonSchema>; patchMergeKeys: Record<string, Record<string, string>> } | undefined;
  private clusterScopedKeys: Set<string> | undefined;
  private kubernetesApis: Set<string> | undefined;
  private readonly groups = new Map<string, Record<string, JsonSchema>>();

  constructor(private readonly dir: URL = BUNDLE_DIR) {
    this.index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as BundleIndex;
  }

  /** The core definitions document (`$id` k8s), which CRD schemas reference for ObjectMeta. */
  kubernetes(): { $id: string; definitions: Record<string, JsonSchema> } {
    this.kubernetesDocument ??= this.readGz('kubernetes.json.gz') as NonNullable<SchemaBundle['kubernetesDocument']>;
    return { $id: 'k8s', definitions: this.kubernetesDocument.definitions };
  }

  /** The core definition of a kind (`io.k8s.api.apps.v1.Deployment`), if it is a core kind. */
  kubernetesDefinition(group: string, version: string, kind: string): string | undefined {
    return this.index.kubernetes[kindKey(group, version, kind)];
  }

  /** Strategic-merge keys of list fields, by core definition and property (`PodSpec.containers` → `name`). */
  patchMergeKeys(): Record<string, Record<string, string>> {
    this.kubernetes();
    return this.kubernetesDocument!.patchMergeKeys;
  }

  isClusterScoped(group: string, version: string, kind: string): boolean {
    this.clusterScopedKeys ??= new Set(this.index.clusterScoped);
    return this.clusterScopedKeys.has(kindKey(group, version, kind));
  }

  isKubernetes(group: string, version: string, kind: string): boolean {
    return kindKey(group, version, kind) in this.index.kubernetes;
  }

  /** Whether Kubernetes itself serves `group/version` (`v1`, `apps/v1`), or a kind of it (`apps/v1/Deployment`). */
  servesKubernetesApi(apiVersion: string): boolean {
    if (!this.kubernetesApis) {
      this.kubernetesApis = new Set();
      for (const key of Object.keys(this.index.kubernetes)) {
        const [group, version, kind] = key.split('/') as [string, string, string];
        const groupVersion = group === '' ? version : `${group}/${version}`;
        this.kubernetesApis.add(groupVersion).add(`${groupVersion}/${kind}`);
      }
    }
    const parts = apiVersion.split('/');
    // A kind is the last part when there are three (apps/v1/Deployment) or two with a core version (v1/Pod).
    const withKind = parts.length === 3 || (parts.length === 2 && /^v\d/.test(parts[0]!));
    return this.kubernetesApis.has(withKind ? `${parts.slice(0, -1).join('/')}/${parts.at(-1)!.toLowerCase()}` : apiVersion);
  }

  /** The schema for a kind: a `$ref` into the core document, or a CRD schema; undefined when unknown. */
  lookup(group: string, version: string, kind: string): JsonSchema | undefined {
    const key = kindKey(group, version, kind);
    const definition = this.index.kubernetes[key];
    if (definition) return { $ref: `k8s#/definitions/${definition}` };
    const file = this.index.crds[key];
    if (!file) return undefined;
    let schemas = this.groups.get(file);
    if (!schemas) {
      schemas = this.readGz(`crds/${file}.json.gz`) as Record<string, JsonSchema>;
      this.groups.set(file, schemas);
    }
    return schemas[`${kind.toLowerCase()}_${version}`];
  }

  private readGz(file: string): unknown {
    return JSON.parse(gunzipSync(readFileSync(new URL(file, this.dir))).toString('utf8'));
  }
}
