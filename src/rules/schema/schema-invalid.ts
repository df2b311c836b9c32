import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'schema-invalid',
    domain: 'schema',
    severity: 'critical',
    title: 'A field, value or rule that the API schema rejects',
    source:
      'N9, S4, F3, F14; incidents `matchLoads` for matchLabels, `remoteKey` for remoteRef, `retryInterval` on a HelmRelease, `namespace` in substituteFrom (seed-repos.md §2)',
  },
  check(context) {
    for (const [object, result] of context.validation.results) {
      if (result.status !== 'validated') continue;
      for (const problem of result.problems) {
        if (problem.misreadScalar) continue; // yaml-non-string-value explains those
        // The bundled catalog lags behind the operators repos run: a field it lacks that is neither a
        // near-miss nor declared elsewhere in the schema may be newer than the bundle, not wrong. Say
        // so as a warning (Flux and Argo CD do reject fields the installed CRD lacks) and how to settle it.
        const group = object.apiVersion.split('/')[0]!;
        const maybeNewer = result.source === 'catalog' && problem.keyword === 'additionalProperties' && !problem.likelyMistake && group !== 'kustomize.config.k8s.io';
        context.report({
          object,
          path: problem.path,
          key: problem.key,
          pointer: problem.pointer,
          message: maybeNewer ? `${problem.message}, which hctl's bundled ${group} schema lacks` : problem.message,
          hint: maybeNewer
            ? `Either your ${group} release is newer than hctl's bundled schema, or the field is a mistake. If it is a mistake, ${lowerFirst(problem.hint)} To settle it, commit the CRD, or save it from the cluster (\`hctl schemas pull -o DIR --group ${group}\`) and pass --schema-dir DIR.`
            : problem.hint,
          ...(maybeNewer ? { severity: 'warning' as const } : {}),
        });
      }
    }
  },
} satisfies Rule;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
