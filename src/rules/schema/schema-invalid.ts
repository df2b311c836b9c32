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
        // The bundled catalog can lag behind the operator a repo runs; say how to settle a field
        // that is new rather than wrong. Still critical: Flux and Argo CD reject unknown fields.
        const group = object.apiVersion.split('/')[0];
        const maybeNewer = result.source === 'catalog' && problem.keyword === 'additionalProperties' && group !== 'kustomize.config.k8s.io';
        context.report({
          object,
          path: problem.path,
          key: problem.key,
          pointer: problem.pointer,
          message: problem.message,
          hint: maybeNewer
            ? `${problem.hint} If your ${group} release is newer than hctl's bundled schema, commit its CRD, or save it from the cluster (\`hctl schemas pull -o DIR --group ${group}\`) and pass --schema-dir DIR.`
            : problem.hint,
        });
      }
    }
  },
} satisfies Rule;
