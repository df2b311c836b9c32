import type { HealthRule } from '../health-rule.js';

/** Raised by the engine (src/engine/check-cluster.ts) for each kind a chosen domain needs but could not read. */
export default {
  meta: {
    id: 'read-skipped',
    domain: 'cluster',
    severity: 'warning',
    title: 'Part of the cluster could not be read (forbidden or failing), so its checks did not run',
    source: 'Popeye #34 (partial RBAC crashed the run); anchors-live §13 (report per-check errors, keep going)',
  },
} satisfies HealthRule;
