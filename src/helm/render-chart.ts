import path from 'node:path';
import picomatch from 'picomatch';
import type { Chart, ChartFiles } from './chart.js';
import { SPRIG_FUNCTIONS } from './sprig.js';
import { TemplateError, TemplateSet, type Rendered } from './template/execute.js';
import { deepCopy, isMap, type GoMap } from './template/go-values.js';
import { toYaml } from './yaml-functions.js';

export interface ReleaseOptions {
  name: string;
  namespace: string;
  /** The target Kubernetes version, `1.35`. */
  kubernetesVersion: string;
  /** Whether the cluster serves an API version (`monitoring.coreos.com/v1`, `apps/v1/Deployment`). */
  hasApiVersion(version: string): boolean;
  /** Values over the chart's own (an Application's or a HelmRelease's). */
  values?: GoMap;
}

/** One template's output, or why it did not render. */
export type TemplateOutput = ({ ok: true } & Rendered) | { ok: false; error: TemplateError };

/**
 * Renders a chart as `helm template` does, offline: every template of the chart and its local
 * subcharts shares one set of named templates; each manifest template is executed with its chart's
 * values (a subchart's under its name in the parent's, with `global`), the release, the chart's
 * metadata, the capabilities and the chart's files. Unlike Helm, a template that fails does not stop
 * the others: each template's output or error is returned, by root-relative path.
 */
export function renderChart(chart: Chart, source: ChartFiles, release: ReleaseOptions): Map<string, TemplateOutput> {
  const set = new TemplateSet(SPRIG_FUNCTIONS);
  const outputs = new Map<string, TemplateOutput>();
  const jobs: { file: string; context: GoMap }[] = [];
  const capabilities = capabilitiesOf(release);
  const releaseObject = { Name: release.name, Namespace: release.namespace, IsInstall: true, IsUpgrade: false, Revision: 1n, Service: 'Helm' };
  const visit = (current: Chart, values: GoMap, templatePrefix: string) => {
    for (const file of current.templates) {
      const text = source.read(file);
      // Named by their repository path, so errors say where, and by Helm's name, which templates include.
      const helmName = `${templatePrefix}/${path.posix.relative(current.dir, file)}`;
      try {
        set.add(file, text ?? '', helmName);
      } catch (error) {
        outputs.set(file, { ok: false, error: asTemplateError(error, file) });
        continue;
      }
      const base = path.posix.basename(file);
      if (base.startsWith('_') || base === 'NOTES.txt') continue;
      jobs.push({
        file,
        context: {
          Values: values,
          Release: releaseObject,
          Chart: chartObject(current.metadata),
          Capabilities: capabilities,
          Template: { Name: helmName, BasePath: `${templatePrefix}/templates` },
          Files: new ChartFileSet(source, current.dir, current.files),
        },
      });
    }
    for (const sub of current.subcharts) {
      if (!enabled(sub.condition, values)) continue;
      visit(sub.chart, subchartValues(sub.chart.values, values, sub.name), `${templatePrefix}/charts/${sub.name}`);
    }
  };
  visit(chart, coalesce(chart.values, release.values ?? {}), String(chart.metadata.name));
  for (const { file, context } of jobs) {
    if (outputs.has(file)) continue;
    try {
      const rendered = set.execute(file, context);
      // Helm removes what nil values printed.
      outputs.set(file, { ok: true, text: rendered.text.replaceAll('<no value>', ''), origins: rendered.origins });
    } catch (error) {
      outputs.set(file, { ok: false, error: asTemplateError(error, file) });
    }
  }
  return outputs;
}

/** A template's failure; anything else that stops it (a stack overflow on absurd nesting) as one too: bad input never stops the check. */
function asTemplateError(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) return error;
  return new TemplateError(`cannot be rendered: ${error instanceof Error ? error.message : String(error)}`, file, 1, 1);
}

/** Chart.yaml as .Chart: Helm's Go field names (`name` → Name, `appVersion` → AppVersion). */
function chartObject(metadata: GoMap): GoMap {
  const chart: GoMap = {};
  for (const [key, value] of Object.entries(metadata)) chart[key === 'apiVersion' ? 'APIVersion' : key.charAt(0).toUpperCase() + key.slice(1)] = value;
  return chart;
}

function capabilitiesOf(release: ReleaseOptions): GoMap {
  const [major = '1', minor = '0'] = release.kubernetesVersion.replace(/^v/, '').split('.');
  const version = `v${major}.${minor}.0`;
  return {
    KubeVersion: { Version: version, GitVersion: version, Major: major, Minor: minor },
    APIVersions: new ApiVersions(release.hasApiVersion),
    HelmVersion: { Version: 'v3.19.0', GitCommit: '', GitTreeState: '', GoVersion: '' },
  };
}

class ApiVersions {
  constructor(private readonly has: (version: string) => boolean) {}

  Has(version: unknown): boolean {
    return typeof version === 'string' && this.has(version);
  }
}

/** Helm's .Files: the chart's other files, read when a template asks. */
class ChartFileSet {
  // Private fields are not keys: the set's keys are its file names, which `range` walks.
  readonly #source: ChartFiles;
  readonly #dir: string;

  constructor(source: ChartFiles, dir: string, names: readonly string[]) {
    this.#source = source;
    this.#dir = dir;
    for (const name of names) Object.defineProperty(this, name, { enumerable: true, get: () => this.Get(name) });
  }

  Get(name: unknown): string {
    return this.#source.read(path.posix.join(this.#dir, String(name))) ?? '';
  }

  GetBytes(name: unknown): string {
    return this.Get(name);
  }

  Lines(name: unknown): string[] {
    const text = this.Get(name);
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  }

  Glob(pattern: unknown): ChartFileSet {
    const matches = picomatch(String(pattern), { dot: true });
    return new ChartFileSet(
      this.#source,
      this.#dir,
      Object.keys(this).filter((name) => matches(name)),
    );
  }

  AsConfig(): string {
    return toYaml(Object.fromEntries(Object.keys(this).map((name) => [path.posix.basename(name), this.Get(name)])));
  }

  AsSecrets(): string {
    return toYaml(Object.fromEntries(Object.keys(this).map((name) => [path.posix.basename(name), Buffer.from(this.Get(name), 'utf8').toString('base64')])));
  }
}

/** A dependency's `condition`: the first of its comma-separated value paths that holds a boolean decides. */
function enabled(condition: string | undefined, values: GoMap): boolean {
  if (!condition) return true;
  for (const candidate of condition.split(',')) {
    let value: unknown = values;
    for (const key of candidate.trim().split('.')) value = isMap(value) ? value[key] : undefined;
    if (typeof value === 'boolean') return value;
  }
  return true;
}

/** A subchart's values: its own defaults under the parent's values for it, with the parent's globals. */
function subchartValues(defaults: GoMap, parent: GoMap, name: string): GoMap {
  const given = isMap(parent[name]) ? parent[name] : {};
  const values = coalesce(defaults, given);
  if (isMap(parent.global)) values.global = coalesce(isMap(values.global) ? values.global : {}, parent.global);
  return values;
}

/** Helm's coalescing of values: overrides win key by key, maps merge deeply, a null override removes the key. */
export function coalesce(defaults: GoMap, overrides: GoMap): GoMap {
  const merged = deepCopy(defaults);
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else if (isMap(value) && isMap(merged[key])) merged[key] = coalesce(merged[key], value);
    else merged[key] = deepCopy(value);
  }
  return merged;
}
