import { createHash } from 'node:crypto';
import path from 'node:path';

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  type?: string;
  files?: string[];
  literals?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptions;
}

export interface GeneratorOptions {
  disableNameSuffixHash?: boolean;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  immutable?: boolean;
}

/** A generated ConfigMap or Secret, and whether its name takes the content hash. */
export interface Generated {
  object: Record<string, unknown>;
  hashed: boolean;
  behavior: string;
}

/**
 * configMapGenerator / secretGenerator: data from literals, files and env files, named with
 * kustomize's content hash unless disabled. `readFile` reads a path as written (relative to the
 * kustomization directory) and throws a message the caller turns into a finding at `at`, the
 * generator's entry that names the file (`['files', 1]`).
 */
export function generate(kind: 'ConfigMap' | 'Secret', args: GeneratorArgs, options: GeneratorOptions, readFile: (file: string, at: (string | number)[]) => string): Generated {
  const data: Record<string, string> = {};
  for (const literal of args.literals ?? []) {
    const [key, value] = splitPair(literal);
    data[key] = value;
  }
  for (const [index, entry] of (args.files ?? []).entries()) {
    const equals = entry.indexOf('=');
    const [key, file] = equals === -1 ? [path.posix.basename(entry), entry] : [entry.slice(0, equals), entry.slice(equals + 1)];
    data[key] = readFile(file, ['files', index]);
  }
  const envFiles = [...(args.envs ?? []).map((file, index) => [file, ['envs', index]] as const), ...(args.env ? [[args.env, ['env']] as const] : [])];
  for (const [file, at] of envFiles) {
    for (const line of readFile(file, [...at]).split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const [key, value] = splitPair(trimmed);
      data[key] = value;
    }
  }
  const merged = { ...options, ...args.options, labels: { ...options.labels, ...args.options?.labels }, annotations: { ...options.annotations, ...args.options?.annotations } };
  const metadata: Record<string, unknown> = { name: args.name ?? '' };
  if (args.namespace) metadata.namespace = args.namespace;
  if (Object.keys(merged.labels).length > 0) metadata.labels = merged.labels;
  if (Object.keys(merged.annotations).length > 0) metadata.annotations = merged.annotations;
  const object: Record<string, unknown> = { apiVersion: 'v1', kind, metadata };
  if (kind === 'Secret') {
    object.type = args.type ?? 'Opaque';
    object.data = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Buffer.from(value).toString('base64')]));
  } else {
    object.data = data;
  }
  if (merged.immutable) object.immutable = true;
  return { object, hashed: merged.disableNameSuffixHash !== true, behavior: args.behavior ?? 'create' };
}

/**
 * kustomize's name suffix: SHA-256 of the Go-JSON encoding of kind, name, data (and type for a
 * Secret), hex, first 10 characters with 0 1 3 a e swapped for g h k m t. kustomize looks the name
 * up with a path its lookup does not split, so the name it hashes is always "": so does hctl.
 */
export function contentHash(object: Record<string, unknown>): string {
  const encoded: Record<string, unknown> =
    object.kind === 'Secret'
      ? { data: object.data ?? '', kind: 'Secret', name: '', type: object.type ?? '' }
      : { data: object.data ?? '', kind: 'ConfigMap', name: '' };
  if (object.kind !== 'Secret' && object.binaryData) encoded.binaryData = object.binaryData;
  const hex = createHash('sha256').update(goJson(encoded)).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c]!);
}

/** JSON as Go's encoding/json writes it: sorted map keys, HTML characters escaped. */
function goJson(value: unknown): string {
  const sorted = (input: unknown): unknown => {
    if (Array.isArray(input)) return input.map(sorted);
    if (input !== null && typeof input === 'object') {
      return Object.fromEntries(Object.keys(input).sort().map((key) => [key, sorted((input as Record<string, unknown>)[key])]));
    }
    return input;
  };
  return JSON.stringify(sorted(value)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function splitPair(text: string): [string, string] {
  const equals = text.indexOf('=');
  if (equals === -1) return [text, ''];
  let value = text.slice(equals + 1);
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1);
  return [text.slice(0, equals), value];
}

/**
 * Where in its kustomization a generated ConfigMap or Secret is declared (`['configMapGenerator', 2]`):
 * the entry whose name the object's name holds (after a prefix, before a suffix and content hash).
 */
export function generatorEntryPath(kustomization: Record<string, unknown>, kind: string, name: string): (string | number)[] | undefined {
  const field = kind === 'ConfigMap' ? 'configMapGenerator' : kind === 'Secret' ? 'secretGenerator' : undefined;
  const entries = field ? kustomization[field] : undefined;
  if (!field || !Array.isArray(entries)) return undefined;
  let best: { index: number; length: number } | undefined;
  entries.forEach((entry, index) => {
    const entryName = (entry as GeneratorArgs | null)?.name;
    if (typeof entryName === 'string' && name.includes(entryName) && entryName.length > (best?.length ?? 0)) best = { index, length: entryName.length };
  });
  return best ? [field, best.index] : undefined;
}
