import { nodeObject } from '../../flux/node-object.js';
import type { KubeObject } from '../../repo/object.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'kustomize-build-error',
    domain: 'render',
    severity: 'critical',
    title: 'A kustomization that Flux cannot build (a missing file, a patch that finds nothing, a cycle)',
    source: 'Part 3 of the check (issue #4): build errors are findings at the line that names them; seed 003 ("Common causes: YAML syntax errors, missing file references, invalid patches")',
  },
  check(context) {
    const reported = new Set<string>();
    for (const node of context.flux.nodes) {
      const error = node.problem?.error;
      if (!error || error.unsupported) continue;
      const key = `${error.file} ${error.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      // At the kustomization entry that failed; else at the Flux Kustomization whose build failed.
      const kustomization = context.objects.find((object: KubeObject) => object.source?.file === error.file);
      context.report({
        object: kustomization ?? nodeObject(node),
        ...(kustomization && error.path ? { path: error.path } : {}),
        message: `${error.message}: Flux Kustomization ${node.namespace}/${node.name} fails to build and applies nothing`,
        hint: `${fixFor(error.message)} \`hctl render DIR\` shows the build.`,
      });
    }
  },
} satisfies Rule;

/** What to do, by the kind of failure kustomize reported. */
function fixFor(message: string): string {
  if (message.includes('does not parse')) return 'Fix the YAML of that file (its yaml-* finding shows where).';
  if (message.includes('does not exist')) return 'Fix the path or file name (relative to this kustomization), or commit the file.';
  if (message.startsWith('JSON patch')) return 'Fix the JSON patch operations: the paths they change must exist in the target object.';
  if (/patch/i.test(message)) return 'Fix the patch target (kind, name, namespace) so it matches an object of the build.';
  return 'Fix the entry this points at.';
}
