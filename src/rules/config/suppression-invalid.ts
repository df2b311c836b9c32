import type { Rule } from '../rule.js';

/** Raised by the engine while applying suppressions (src/engine/suppressions.ts). */
export default {
  meta: {
    id: 'suppression-invalid',
    domain: 'config',
    severity: 'warning',
    title: 'An hctl-ignore without a reason, with a bad date or naming an unknown rule',
    source: 'hctl: every exception to a golden rule carries its reason (issue #2)',
  },
} satisfies Rule;
