import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'file-skipped',
    domain: 'repo',
    severity: 'warning',
    title: 'A manifest file hctl could not read',
    source: 'hctl contract: no silent skips (ARCHITECTURE.md)',
  },
  check(context) {
    for (const skipped of context.skippedFiles) {
      context.report({
        location: { file: skipped.file, line: 1, column: 1 },
        message: `Not checked: ${skipped.reason}`,
        hint: 'Make the file readable UTF-8 YAML, or list it in .hctlignore if it is not a manifest.',
      });
    }
  },
} satisfies Rule;
