import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'templated-file',
    domain: 'repo',
    severity: 'info',
    title: 'A template that hctl does not check: Helm/Go actions, or `<placeholder>` names',
    source: 'hctl contract: unverified documents are visible and counted (ARCHITECTURE.md)',
  },
  check(context) {
    for (const { file, kind, problem } of context.templatedFiles) {
      context.report({
        location: { file, line: problem?.line ?? 1, column: problem?.column ?? 1 },
        ...(problem
          ? {
              message: `Unverified: ${problem.message}`,
              hint: 'hctl renders chart templates with the chart\'s values.yaml; a value the template requires belongs there (or list the chart in .hctlignore to hide this notice).',
            }
          : kind === 'helm'
          ? { message: 'Unverified: Helm/Go template, not checked until it is rendered', hint: 'Nothing to fix. List chart directories in .hctlignore to hide this notice.' }
          : {
              message: 'Unverified: a template with <placeholder> names, not checked until they are filled in',
              hint: 'Nothing to fix while no Flux or Argo CD path includes it; list it in .hctlignore to hide this notice.',
            }),
      });
    }
  },
} satisfies Rule;
