import type { Location, ResourceRef } from '../report/finding.js';

/** A path into a parsed document, as keys and array indexes (like a JSON pointer). */
export type NodePath = readonly (string | number)[];

export function samePath(a: NodePath, b: NodePath): boolean {
  return a.length === b.length && a.every((segment, index) => segment === b[index]);
}

/** Where a loaded object came from; positions are computed only when asked for. */
export interface ObjectSource {
  /** File path relative to the checked directory, with forward slashes. */
  file: string;
  /** Index of the YAML document within the file (0-based). */
  documentIndex: number;
  /**
   * Position of the node at `path` (the value, or the key when `key` is set). Falls back to the
   * deepest existing ancestor, so a finding about a missing field points at its parent.
   */
  locate(path: NodePath, options?: { key?: boolean }): Location;
  /**
   * The document's booleans written in a YAML-1.1-only spelling (`yes`, `off`), which kustomize
   * leaves strings; absent where the text is not at hand.
   */
  yaml11OnlyBooleans?(): readonly Yaml11OnlyBoolean[];
}

/** A boolean value written `yes`, `no`, `on`, `off`, `y` or `n` (any case YAML 1.1 knows). */
export interface Yaml11OnlyBoolean {
  path: NodePath;
  /** As written: `off`. */
  spelling: string;
}

/** A Kubernetes object (apiVersion + kind) as loaded from a repository or a cluster. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The whole document, as Kubernetes would decode it (YAML 1.1 scalars). */
  body: Record<string, unknown>;
  /** True when the document carries SOPS metadata (a top-level `sops:` block). */
  sopsEncrypted: boolean;
  source?: ObjectSource;
}

/**
 * The document an object was written in, and which object of it (a kustomization generates
 * several): the same for every copy builds make of it.
 */
export function documentKey(object: KubeObject): string {
  return `${object.source?.file ?? ''}#${object.source?.documentIndex ?? ''}#${object.kind}/${object.name ?? ''}`;
}

/** The file and YAML document an object was written in (a List's items share one). */
export function sourceDocument(source: ObjectSource): string {
  return `${source.file}#${source.documentIndex}`;
}

export function resourceRef(object: KubeObject): ResourceRef {
  const ref: ResourceRef = { apiVersion: object.apiVersion, kind: object.kind };
  if (object.namespace !== undefined) ref.namespace = object.namespace;
  if (object.name !== undefined) ref.name = object.name;
  return ref;
}

/** `group` part of an apiVersion (`""` for the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export function describeObject(object: KubeObject): string {
  const ns = object.namespace ? `${object.namespace}/` : '';
  return `${object.kind} ${ns}${object.name ?? '(unnamed)'}`;
}
