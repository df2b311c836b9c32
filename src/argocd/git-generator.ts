import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { yaml } from '../lazy-packages.js';
import type { NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { normaliseRepoUrl, type Repository } from '../repo/repository-urls.js';
import { repositoryPaths } from './repository-paths.js';

/** One parameter set: flat keys for Argo CD's default templates, nested values for goTemplate. */
export interface GeneratorParams {
  flat: Record<string, string>;
  nested: Record<string, unknown>;
  label: string;
}

export interface EmptyPattern {
  path: NodePath;
  pattern: string;
  kind: 'directories' | 'files';
}

/**
 * Expands a Git generator against this repository's tree, as Argo CD's repo server would:
 * `directories` yield each matching directory (minus `exclude: true` patterns), `files` each
 * matching JSON/YAML file's keys. Undefined when the generator reads another repository.
 */
export function expandGitGenerator(git: Record<string, unknown>, gitPath: NodePath, repository: Repository): { params: GeneratorParams[]; empty: EmptyPattern[] } | undefined {
  if (typeof git.repoURL !== 'string' || !repository.urls.has(normaliseRepoUrl(git.repoURL))) return undefined;
  const tree = repositoryPaths(repository);
  const params: GeneratorParams[] = [];
  const empty: EmptyPattern[] = [];
  const patterns = (key: 'directories' | 'files') =>
    (Array.isArray(git[key]) ? git[key] : []).flatMap((entry, index) => {
      const pattern = asRecord(entry)?.path;
      return typeof pattern === 'string' ? [{ pattern, exclude: asRecord(entry)?.exclude === true, path: [...gitPath, key, index] }] : [];
    });
  const directories = patterns('directories');
  if (directories.length > 0) {
    const excluded = directories.filter((entry) => entry.exclude).map((entry) => picomatch(entry.pattern));
    for (const entry of directories.filter((candidate) => !candidate.exclude)) {
      const included = picomatch(entry.pattern);
      const matches = tree.directories.filter((dir) => included(dir) && !excluded.some((match) => match(dir)));
      if (matches.length === 0) empty.push({ path: [...entry.path, 'path'], pattern: entry.pattern, kind: 'directories' });
      for (const dir of matches) params.push(pathParams(dir, undefined));
    }
  }
  for (const entry of patterns('files')) {
    const included = picomatch(entry.pattern);
    const matches = tree.files.filter((file) => included(file));
    if (matches.length === 0) empty.push({ path: [...entry.path, 'path'], pattern: entry.pattern, kind: 'files' });
    for (const file of matches) {
      const content = readParams(path.join(repository.root, file));
      for (const values of content) {
        const own = pathParams(path.posix.dirname(file), file);
        params.push({ flat: { ...flatten(values), ...own.flat }, nested: { ...values, ...own.nested }, label: file });
      }
    }
  }
  return { params, empty };
}

/** Argo CD's path parameters: path, path.basename, path.basenameNormalized, path[n] (and the file's name). */
function pathParams(dir: string, file: string | undefined): GeneratorParams {
  const segments = dir.split('/');
  const basename = segments[segments.length - 1] ?? dir;
  const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9-.]/g, '-');
  const flat: Record<string, string> = { path: dir, 'path.basename': basename, 'path.basenameNormalized': normalise(basename) };
  segments.forEach((segment, index) => (flat[`path[${index}]`] = segment));
  const nested: Record<string, unknown> = { path: dir, basename, basenameNormalized: normalise(basename), segments };
  if (file) {
    const filename = path.posix.basename(file);
    flat['path.filename'] = filename;
    flat['path.filenameNormalized'] = normalise(filename);
    Object.assign(nested, { filename, filenameNormalized: normalise(filename) });
  }
  return { flat, nested: { path: nested }, label: file ?? dir };
}

/** A files-generator file: one object, or a list of objects (each its own parameter set). */
function readParams(file: string): Record<string, unknown>[] {
  try {
    const value: unknown = yaml().parse(readFileSync(file, 'utf8'));
    const items = Array.isArray(value) ? value : [value];
    return items.map(asRecord).filter((item): item is Record<string, unknown> => item !== undefined);
  } catch {
    return [];
  }
}

/** Nested maps as Argo CD flattens them for default templates: {a: {b: 1}} → {"a.b": "1"}. */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    const record = asRecord(item);
    if (record && !Array.isArray(item)) Object.assign(result, flatten(record, name));
    else if (item !== null && item !== undefined) result[name] = typeof item === 'string' ? item : JSON.stringify(item);
  }
  return result;
}
