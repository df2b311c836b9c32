import { expandApplicationSet } from '../../argocd/application-sets.js';
import { isArgoApplicationSet } from '../../k8s/kinds.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-appset-generator-empty',
    domain: 'argocd',
    severity: 'critical',
    title: 'An ApplicationSet Git generator whose path pattern matches nothing in this repository',
    source: 'Part 3 of the check (issue #4): ApplicationSet git directory and file generators expanded locally; Argo CD deletes Applications a generator stops producing',
  },
  check(context) {
    for (const appSet of context.applied.filter(isArgoApplicationSet)) {
      // create-only and create-update keep Applications a generator no longer produces.
      const policy = asRecord(asRecord(appSet.body.spec)?.syncPolicy)?.applicationsSync;
      const keeps = policy === 'create-only' || policy === 'create-update';
      for (const pattern of expandApplicationSet(appSet, context.repository).empty) {
        const what = pattern.kind === 'directories' ? 'directory' : 'file';
        context.report({
          object: appSet,
          path: pattern.path,
          message: `Git ${pattern.kind} generator pattern ${pattern.pattern} matches no ${what} in this repository: it generates no Application${keeps ? '' : ', and Argo CD deletes the Applications it generated before'}`,
          hint: `Fix the pattern (relative to the repository root; * stays within one directory, ** crosses them), or commit the ${what === 'directory' ? 'directories' : 'files'} it should match.`,
        });
      }
    }
  },
} satisfies Rule;
