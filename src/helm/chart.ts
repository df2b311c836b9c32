import path from 'node:path';
import type { FileStamp } from '../repo/read.js';
import { isMap, type GoMap } from './template/go-values.js';
import { readYaml } from './yaml-functions.js';

/** What a chart loader reads: repository files by path relative to the checked root. */
export interface ChartFiles {
  /** A file's text, or undefined when it does not exist or cannot be read. */
  read(file: string): string | undefined;
  /** Every file under a directory, recursively, as paths relative to the root. */
  list(dir: string): string[];
  /** A file's stamp (size, times, inode), to tell later whether it changed; undefined when absent or in memory. */
  stamp(file: string): FileStamp | undefined;
}

/** A chart in the repository, as Helm's loader sees a chart directory. */
export interface Chart {
  /** The chart's directory, relative to the checked root. */
  dir: string;
  /** Chart.yaml. */
  metadata: GoMap;
  /** values.yaml (empty when absent). */
  values: GoMap;
  /** Everything under templates/, as root-relative paths. */
  templates: string[];
  /** The other files (.Files), relative to the chart directory. */
  files: string[];
  /** Subcharts Helm would render with it: directories under charts/, and `file://` dependencies. */
  subcharts: { name: string; chart: Chart; condition?: string }[];
  /** Dependencies that live elsewhere (a chart repository, an OCI registry, an archive): not rendered. */
  remoteDependencies: string[];
}

export class ChartLoadError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/** Loads the chart in `dir` (which holds Chart.yaml) and its local subcharts. */
export function loadChart(source: ChartFiles, dir: string, seen = new Set<string>()): Chart {
  seen.add(dir);
  const metadata = readYamlMap(source, path.posix.join(dir, 'Chart.yaml'), true)!;
  if (typeof metadata.name !== 'string' || metadata.name === '') throw new ChartLoadError('Chart.yaml has no name', path.posix.join(dir, 'Chart.yaml'));
  const values = readYamlMap(source, path.posix.join(dir, 'values.yaml'), false) ?? {};
  const all = source.list(dir).map((file) => path.posix.relative(dir, file));
  const templates = all.filter((file) => file.startsWith('templates/')).map((file) => path.posix.join(dir, file));
  const files = all.filter((file) => !file.startsWith('templates/') && !file.startsWith('charts/') && file !== 'Chart.yaml' && file !== 'values.yaml');
  const subcharts: Chart['subcharts'] = [];
  const remoteDependencies: string[] = [];
  const vendored = new Set(all.filter((file) => /^charts\/[^/]+\/Chart\.yaml$/.test(file)).map((file) => file.split('/')[1]!));
  const dependencies = Array.isArray(metadata.dependencies) ? metadata.dependencies.filter(isMap) : [];
  for (const dependency of dependencies) {
    const name = String(dependency.name ?? '');
    const alias = typeof dependency.alias === 'string' && dependency.alias !== '' ? dependency.alias : name;
    const condition = typeof dependency.condition === 'string' ? dependency.condition : undefined;
    const repository = typeof dependency.repository === 'string' ? dependency.repository : '';
    let subdir: string | undefined;
    if (vendored.has(name)) subdir = path.posix.join(dir, 'charts', name);
    else if (repository.startsWith('file://')) subdir = path.posix.normalize(path.posix.join(dir, repository.slice('file://'.length)));
    if (subdir && !seen.has(subdir) && source.read(path.posix.join(subdir, 'Chart.yaml')) !== undefined) {
      vendored.delete(name);
      subcharts.push({ name: alias, chart: loadChart(source, subdir, seen), ...(condition ? { condition } : {}) });
    } else {
      remoteDependencies.push(`${name}${dependency.version ? ` ${String(dependency.version)}` : ''}${repository ? ` from ${repository}` : ''}`);
    }
  }
  // Charts unpacked under charts/ that Chart.yaml does not list are subcharts too.
  for (const name of vendored) {
    const subdir = path.posix.join(dir, 'charts', name);
    if (!seen.has(subdir)) subcharts.push({ name, chart: loadChart(source, subdir, seen) });
  }
  return { dir, metadata, values, templates, files, subcharts, remoteDependencies };
}

function readYamlMap(source: ChartFiles, file: string, required: boolean): GoMap | undefined {
  const text = source.read(file);
  if (text === undefined) {
    if (required) throw new ChartLoadError('cannot be read', file);
    return undefined;
  }
  const value = readYaml(text);
  if (typeof value === 'string') throw new ChartLoadError(`cannot be read as a YAML mapping (${value})`, file);
  return value as GoMap;
}
