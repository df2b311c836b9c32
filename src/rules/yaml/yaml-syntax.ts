import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'yaml-syntax',
    domain: 'yaml',
    severity: 'critical',
    title: 'YAML that does not parse',
    source: 'seed 000 /pre-deploy ("verify YAML is valid"); seed 003 validate-manifests.ts',
  },
  check(context) {
    for (const problem of context.parseProblems) {
      if (problem.kind === 'duplicate-key') continue;
      context.report({
        location: { file: problem.file, line: problem.line, column: problem.column },
        message:
          problem.kind === 'alias-limit'
            ? `Document rejected: ${problem.message}`
            : `YAML syntax error: ${problem.message}`,
        hint:
          problem.kind === 'alias-limit'
            ? 'Replace the nested aliases with plain values; this shape is a YAML "billion laughs" bomb.'
            : 'Fix the YAML at this position; Flux and Argo CD refuse the whole file until it parses.',
      });
    }
  },
} satisfies Rule;
