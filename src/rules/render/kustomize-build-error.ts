import path from 'node:path';
import { repositoryRelative, repositorySources } from '../../argocd/argo-applications.js';
import { nodeObject } from '../../flux/node-object.js';
import type { RenderError } from '../../render/kustomize.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import type { Problem, Rule, RuleContext } from '../rule.js';

export default {
  meta: {
    id: 'kustomize-build-error',
    domain: 'render',
    severity: 'critical',
    title: 'A kustomization that kustomize cannot build (a missing file, a patch that finds nothing, a cycle)',
    source: 'Part 3 of the check (issue #4): build errors are findings at the line that names them; seed 003 ("Common causes: YAML syntax errors, missing file references, invalid patches"); `kustomize build` of every kustomization is what homelab CI scripts run before a push',
  },
  check(context) {
    const reported = new Set<string>();
    const report = (error: RenderError, problem: Omit<Problem, 'object' | 'path' | 'hint'> & { fallback: KubeObject | undefined }) => {
      const key = `${error.file} ${error.message}`;
      if (reported.has(key)) return;
      reported.add(key);
      // At the kustomization entry that failed; else at what asked for the build.
      // A file may hold several documents: the one that asked for the build, when it is in that file.
      const kustomization = problem.fallback?.source?.file === error.file ? problem.fallback : context.objects.find((object: KubeObject) => object.source?.file === error.file);
      const object = kustomization ?? problem.fallback;
      context.report({
        message: problem.message,
        ...(object ? { object } : {}),
        ...(kustomization && error.path ? { path: error.path } : {}),
        ...(problem.severity ? { severity: problem.severity } : {}),
        hint: `${fixFor(error.message)} \`hctl render DIR\` shows the build.`,
      });
    };
    for (const node of context.flux.nodes) {
      const error = node.problem?.error;
      if (!error || error.unsupported) continue;
      report(error, { message: `${error.message}: Flux Kustomization ${node.namespace}/${node.name} fails to build and applies nothing`, fallback: nodeObject(node) });
    }
    const fluxRepo = context.flux.nodes.length > 0;
    let argoPaths: Map<string, string> | undefined;
    for (const build of context.standaloneBuilds) {
      const error = build.error;
      if (!error || error.unsupported) continue;
      argoPaths ??= argoSourcePaths(context);
      const app = argoPaths.get(build.dir);
      const consequence = app
        ? `Argo CD Application ${app} cannot generate its manifests`
        : fluxRepo
          ? 'no Flux Kustomization builds this directory, so nothing applies it now — but whoever applies it gets the error'
          : 'applying it (`kubectl apply -k`, Argo CD) fails and applies nothing';
      const kustomization = context.objects.find((object) => object.source && path.posix.dirname(object.source.file) === build.dir && apiGroup(object.apiVersion) === 'kustomize.config.k8s.io');
      report(error, { message: `${error.message}: \`kustomize build ${build.dir}\` fails; ${consequence}`, fallback: kustomization, ...(fluxRepo && !app ? { severity: 'warning' } : {}) });
    }
    // What is left fails only with an Application's own kustomize edits (its patches, its namespace).
    for (const { app, error } of context.argoBuilds) {
      if (!error || error.unsupported) continue;
      report(error, { message: `${error.message}: Argo CD Application ${app.object.namespace ?? 'argocd'}/${app.object.name ?? ''} cannot generate its manifests and applies nothing`, fallback: app.object });
    }
  },
} satisfies Rule;

/** Directories of this repository that Argo CD Applications render, with the Application's name. */
function argoSourcePaths(context: RuleContext): Map<string, string> {
  return new Map(repositorySources(context.applied, context.repository).map(({ app, dir }) => [repositoryRelative(dir), `${app.object.namespace ?? 'argocd'}/${app.object.name ?? ''}`]));
}

/** What to do, by the kind of failure kustomize reported. */
function fixFor(message: string): string {
  if (message.includes('does not parse')) return 'Fix the YAML of that file (its yaml-* finding shows where).';
  if (message.startsWith('no kustomization.yaml')) return 'Give that directory a kustomization.yaml, or list its files instead of the directory.';
  if (message.includes('does not exist')) return 'Fix the path or file name (relative to this kustomization), or commit the file.';
  if (message.includes('not a Kubernetes object')) {
    return 'List only manifests as resources (a values file belongs in a configMapGenerator); Flux lists every .yaml file of a path without a kustomization.yaml, so move such a file out or add one.';
  }
  if (message.includes('without metadata.name')) return 'Give the object a metadata.name.';
  if (message.startsWith('JSON patch')) return 'Fix the JSON patch operations: the paths they change must exist in the target object.';
  if (/patch/i.test(message)) return 'Fix the patch target (kind, name, namespace) so it matches an object of the build.';
  return 'Fix the entry this points at.';
}
