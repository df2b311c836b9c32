import type { KubeObject, NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { Repository } from '../repo/repository-urls.js';
import { getIn } from '../k8s/pod-templates.js';
import { expandGitGenerator, flatten, type EmptyPattern, type GeneratorParams } from './git-generator.js';

export interface Expansion {
  /** One parameter set per Application; undefined when a generator needs the cluster or another repository. */
  params: GeneratorParams[] | undefined;
  /** Git generator patterns that match nothing in this repository. */
  empty: EmptyPattern[];
}

// Several rules ask for the same expansion in one run; Git files generators read files to expand.
const expansions = new WeakMap<Repository, WeakMap<KubeObject, Expansion>>();

/** The list, Git (this repository) and matrix generators of an ApplicationSet, expanded offline. */
export function expandApplicationSet(appSet: KubeObject, repository: Repository): Expansion {
  let byAppSet = expansions.get(repository);
  if (!byAppSet) expansions.set(repository, (byAppSet = new WeakMap()));
  let expansion = byAppSet.get(appSet);
  if (!expansion) byAppSet.set(appSet, (expansion = expandGenerators(getIn(appSet.body, ['spec', 'generators']), ['spec', 'generators'], repository)));
  return expansion;
}

function expandGenerators(generators: unknown, at: NodePath, repository: Repository): Expansion {
  const empty: EmptyPattern[] = [];
  let params: GeneratorParams[] | undefined = [];
  (Array.isArray(generators) ? generators : []).forEach((item, index) => {
    const outcome = expandGenerator(asRecord(item) ?? {}, [...at, index], repository);
    empty.push(...outcome.empty);
    params = params && outcome.params ? [...params, ...outcome.params] : undefined;
  });
  return { params, empty };
}

function expandGenerator(generator: Record<string, unknown>, at: NodePath, repository: Repository): Expansion {
  const list = asRecord(generator.list);
  if (list) {
    if (!Array.isArray(list.elements)) return { params: undefined, empty: [] };
    const elements = list.elements.map(asRecord).filter((element): element is Record<string, unknown> => element !== undefined);
    return { params: elements.map((element, index) => ({ flat: flatten(element), nested: element, label: `element ${index + 1}` })), empty: [] };
  }
  const git = asRecord(generator.git);
  if (git) return expandGitGenerator(git, [...at, 'git'], repository) ?? { params: undefined, empty: [] };
  const matrix = asRecord(generator.matrix);
  if (matrix && Array.isArray(matrix.generators)) {
    const parts = matrix.generators.map((item, index) => expandGenerator(asRecord(item) ?? {}, [...at, 'matrix', 'generators', index], repository));
    const empty = parts.flatMap((part) => part.empty);
    if (parts.some((part) => !part.params)) return { params: undefined, empty };
    // The matrix is the product of its generators' parameter sets.
    const params = parts.reduce<GeneratorParams[]>(
      (product, part) => product.flatMap((left) => part.params!.map((right) => ({ flat: { ...left.flat, ...right.flat }, nested: { ...left.nested, ...right.nested }, label: `${left.label}${left.label && right.label ? ' × ' : ''}${right.label}` }))),
      [{ flat: {}, nested: {}, label: '' }],
    );
    return { params, empty };
  }
  // Cluster, SCM provider, pull request and plugin generators ask services hctl does not call.
  return { params: undefined, empty: [] };
}

/**
 * Fills an ApplicationSet template with one parameter set: `{{ key }}` for default templates,
 * `{{ .a.b }}` with goTemplate. Anything else (functions, pipelines, unknown keys) is left as
 * written, so rules keep treating it as a placeholder.
 */
export function renderTemplate(template: unknown, params: GeneratorParams, goTemplate: boolean): unknown {
  if (typeof template === 'string') {
    return goTemplate
      ? template.replace(/\{\{-?\s*\.([\w.]+)\s*-?\}\}/g, (whole, key: string) => {
          const value = getIn(params.nested, key.split('.'));
          return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : whole;
        })
      : template.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (whole, key: string) => params.flat[key] ?? whole);
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, params, goTemplate));
  const record = asRecord(template);
  if (!record) return template;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, renderTemplate(value, params, goTemplate)]));
}
