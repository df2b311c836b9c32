import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'templated-file',
    domain: 'repo',
    severity: 'info',
    title: 'A Helm/Go template that hctl does not render',
    source: 'hctl contract: unverified documents are visible and counted (ARCHITECTURE.md)',
  },
  check(context) {
    for (const file of context.templatedFiles) {
      context.report({
        location: { file, line: 1, column: 1 },
        message: 'Unverified: Helm/Go template, not checked until it is rendered',
        hint: 'Nothing to fix. List chart directories in .hctlignore to hide this notice.',
      });
    }
  },
} satisfies Rule;
