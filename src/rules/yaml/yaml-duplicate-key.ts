import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'yaml-duplicate-key',
    domain: 'yaml',
    severity: 'critical',
    title: 'A mapping that repeats a key',
    source: 'seed 003 incident 2025-06-12: a duplicate targetNamespace broke the build and led to deleting cluster-apps (seed-repos.md §4.1, F16)',
  },
  check(context) {
    for (const problem of context.parseProblems) {
      if (problem.kind !== 'duplicate-key') continue;
      context.report({
        location: { file: problem.file, line: problem.line, column: problem.column },
        message: `Duplicate key: ${problem.message}`,
        hint: 'Keep one of the two keys. kustomize and the API server reject the document; other parsers silently keep the last one.',
      });
    }
  },
} satisfies Rule;
