import path from 'node:path';
import type { Location } from '../report/finding.js';
import { apiGroup, type KubeObject } from '../repo/object.js';
import { parseRenderedFile, type ParsedFile } from '../repo/parse.js';
import type { FileStamp } from '../repo/read.js';
import { embeddedBundle } from '../schema/bundle.js';
import { ChartLoadError, loadChart, type ChartFiles } from './chart.js';
import { chartRelease } from './chart-release.js';
import { renderChart, type TemplateOutput } from './render-chart.js';
import { TemplateError, type LineOrigin } from './template/execute.js';

/** What a chart's render read and asked: the same answers mean the same outputs. */
export interface ChartInputs {
  /** Files read, with their stamps (null: absent). */
  files: [string, FileStamp | null][];
  /** Directories listed, with the listing. */
  lists: [string, string][];
  /** `.Capabilities.APIVersions.Has` questions and answers. */
  apis: [string, boolean][];
}

/** A template's output as a cache keeps it: origins flattened to [line, column, verbatim ? 1 : 0, …]. */
export type StoredOutput = { ok: true; text: string; origins: number[] } | { ok: false; reason: string; template: string; line: number; column: number };

/** Where renders are kept between runs (the check cache). */
export interface ChartMemo {
  /** The outputs kept for `key` when every file, listing and API answer its render used is unchanged. */
  recallChart(key: string, current: { stamp(file: string): FileStamp | undefined; list(dir: string): string[]; has(version: string): boolean }): [string, StoredOutput][] | undefined;
  keepChart(key: string, inputs: ChartInputs, outputs: [string, StoredOutput][]): void;
  /** Parses rendered text, reusing an earlier run's parse of the same file and text (and so its validations). */
  parseRendered(file: string, text: string): ParsedFile;
}


/**
 * The repository's chart templates, rendered offline: each Go-templated file under a chart's
 * templates/ (a directory beside a Chart.yaml) becomes what `helm template` makes of it, and is
 * checked like any manifest — findings point at the template line that wrote the text. The release
 * is the one Argo CD Application deploying the directory's (name, namespace, values), else named
 * after the directory with the chart's own values (chart-release.ts). A template that does not render
 * (a value it requires, a function hctl does not have) stays unverified, with the reason.
 */
export function renderRepoCharts(files: readonly ParsedFile[], source: ChartFiles, kubernetesVersion: string, memo?: ChartMemo): ParsedFile[] {
  const byChart = new Map<string, ParsedFile[]>();
  for (const file of files) {
    if (file.templated !== 'helm') continue;
    const dir = chartDirOf(file.file);
    if (dir === undefined || source.read(path.posix.join(dir, 'Chart.yaml')) === undefined) continue;
    byChart.set(dir, [...(byChart.get(dir) ?? []), file]);
  }
  if (byChart.size === 0) return [...files];
  const objects = files.flatMap((file) => file.objects);
  const hasApiVersion = servedApis(objects);
  const replaced = new Map<ParsedFile, ParsedFile>();
  for (const [dir, group] of byChart) {
    const release = chartRelease(objects, dir, dir === '.' ? '' : path.posix.basename(dir), source);
    const key = `${kubernetesVersion} ${dir} ${JSON.stringify(release)}`;
    const kept = memo?.recallChart(key, { stamp: (file) => source.stamp(file), list: (listed) => source.list(listed), has: hasApiVersion });
    let outputs: Map<string, TemplateOutput>;
    if (kept) {
      outputs = new Map(kept.map(([file, output]) => [file, revived(output)]));
    } else {
      const recorded = recording(source, hasApiVersion);
      try {
        const chart = loadChart(recorded.files, dir);
        const name = release.name || String(chart.metadata.name);
        outputs = renderChart(chart, recorded.files, { name, namespace: release.namespace || name, values: release.values, kubernetesVersion, hasApiVersion: recorded.has });
      } catch (error) {
        if (!(error instanceof ChartLoadError)) throw error;
        for (const file of group) replaced.set(file, { ...file, templateProblem: { message: `this chart template does not render offline: the chart's ${error.file} ${error.message}`, line: 1, column: 1 } });
        continue;
      }
      memo?.keepChart(key, recorded.inputs, [...outputs].map(([file, output]) => [file, stored(output)]));
    }
    for (const file of group) {
      const output = outputs.get(file.file);
      if (!output) continue;
      if (output.ok) {
        const parsed = memo ? memo.parseRendered(file.file, output.text) : parseRenderedFile(file.file, output.text);
        // Nothing to check: the values that deploy it (an Application's, a HelmRelease's) may make objects.
        if (parsed.objects.length === 0 && parsed.problems.length === 0 && parsed.otherDocuments === 0) {
          replaced.set(file, { ...file, templateProblem: { message: "this chart template renders no object with the chart's values.yaml: what it makes with the values that deploy it is not checked", line: 1, column: 1 } });
        } else {
          replaced.set(file, mapToTemplate(parsed, output.origins));
        }
        continue;
      }
      const { reason, template, line, column } = output.error;
      const message = `this chart template does not render offline: ${reason}`;
      replaced.set(file, { ...file, templateProblem: template === file.file ? { message, line, column } : { message: `${message} (in ${template}:${line})`, line: 1, column: 1 } });
    }
  }
  return files.map((file) => replaced.get(file) ?? file);
}

/** The chart files a render reads, recording what it read, listed and asked (ChartInputs). */
function recording(source: ChartFiles, has: (version: string) => boolean): { files: ChartFiles; has: (version: string) => boolean; inputs: ChartInputs } {
  const inputs: ChartInputs = { files: [], lists: [], apis: [] };
  const read = new Set<string>();
  return {
    inputs,
    files: {
      read(file) {
        if (!read.has(file)) {
          read.add(file);
          inputs.files.push([file, source.stamp(file) ?? null]);
        }
        return source.read(file);
      },
      list(dir) {
        const listed = source.list(dir);
        inputs.lists.push([dir, listed.join('\n')]);
        return listed;
      },
      stamp: (file) => source.stamp(file),
    },
    has(version) {
      const answer = has(version);
      inputs.apis.push([version, answer]);
      return answer;
    },
  };
}

function stored(output: TemplateOutput): StoredOutput {
  if (!output.ok) return { ok: false, reason: output.error.reason, template: output.error.template, line: output.error.line, column: output.error.column };
  return { ok: true, text: output.text, origins: output.origins.flatMap((origin) => [origin.line, origin.column, origin.verbatim ? 1 : 0]) };
}

function revived(output: StoredOutput): TemplateOutput {
  if (!output.ok) return { ok: false, error: new TemplateError(output.reason, output.template, output.line, output.column) };
  const origins: LineOrigin[] = [];
  for (let index = 0; index < output.origins.length; index += 3) origins.push({ line: output.origins[index]!, column: output.origins[index + 1]!, verbatim: output.origins[index + 2] === 1 });
  return { ok: true, text: output.text, origins };
}

/** The chart directory of a file under its templates/ (`apps/demo/templates/x.yaml` → `apps/demo`). */
function chartDirOf(file: string): string | undefined {
  const index = file.lastIndexOf('templates/');
  if (index === -1 || (index > 0 && file[index - 1] !== '/')) return undefined;
  return index === 0 ? '.' : file.slice(0, index - 1);
}

/**
 * `.Capabilities.APIVersions.Has`: what Kubernetes serves, and what the repository shows the cluster
 * serves — its CRDs' versions and the API versions its objects use (the cluster Argo CD or Flux
 * renders for has them, or they would not apply).
 */
function servedApis(objects: readonly KubeObject[]): (version: string) => boolean {
  const served = new Set<string>();
  for (const object of objects) {
    served.add(object.apiVersion).add(`${object.apiVersion}/${object.kind}`);
    if (object.kind !== 'CustomResourceDefinition' || apiGroup(object.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = object.body.spec as { group?: unknown; names?: { kind?: unknown }; versions?: { name?: unknown }[] } | undefined;
    if (typeof spec?.group !== 'string' || !Array.isArray(spec.versions)) continue;
    for (const version of spec.versions) {
      if (typeof version?.name !== 'string') continue;
      served.add(`${spec.group}/${version.name}`);
      if (typeof spec.names?.kind === 'string') served.add(`${spec.group}/${version.name}/${spec.names.kind}`);
    }
  }
  return (version) => served.has(version) || embeddedBundle().servesKubernetesApi(version);
}

/** A file parsed from rendered text, with every position moved to the template line that wrote it. */
function mapToTemplate(parsed: ParsedFile, origins: readonly LineOrigin[]): ParsedFile {
  const at = (line: number, column: number): { line: number; column: number } => {
    const origin = origins[line - 1] ?? origins[origins.length - 1];
    if (!origin) return { line, column };
    return { line: origin.line, column: origin.verbatim ? origin.column + column - 1 : origin.column };
  };
  // In place: the check cache knows the objects (their validations) by identity.
  for (const object of parsed.objects) {
    const source = object.source!;
    object.source = {
      file: source.file,
      documentIndex: source.documentIndex,
      locate: (nodePath, options): Location => {
        const location = source.locate(nodePath, options);
        return { ...location, ...at(location.line, location.column) };
      },
    };
  }
  const comments = new Map<number, { text: string; column: number }>();
  for (const [line, comment] of parsed.comments) {
    const origin = at(line, comment.column);
    comments.set(origin.line, { text: comment.text, column: origin.column });
  }
  return {
    ...parsed,
    spans: parsed.spans.map((span) => ({ object: span.object, firstLine: at(span.firstLine, 1).line, lastLine: at(span.lastLine, 1).line })),
    problems: parsed.problems.map((problem) => ({ ...problem, ...at(problem.line, problem.column), message: `${problem.message} (in what the template renders)` })),
    comments,
    contentLines: new Set([...parsed.contentLines].map((line) => at(line, 1).line)),
  };
}
