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
        context.report({ object, path: problem.path, key: problem.key, pointer: problem.pointer, message: problem.message, hint: problem.hint });
      }
    }
  },
} satisfies Rule;
