import type { Rule } from '../rule.js';

/** Raised by the engine while applying suppressions (src/engine/suppressions.ts). */
export default {
  meta: {
    id: 'suppression-expired',
    domain: 'config',
    severity: 'warning',
    title: 'An hctl-ignore whose until date has passed',
    source: 'hctl: exceptions are temporary; an expired one stops suppressing and says so (issue #2)',
  },
} satisfies Rule;
