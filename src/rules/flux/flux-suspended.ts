import { FLUX_KINDS, fluxCliKind } from '../../k8s/flux-live.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'flux-suspended',
    domain: 'flux',
    severity: 'warning',
    title: 'A Flux object is suspended: Git changes no longer reach the cluster',
    source: 'seed 003 flux-deployment-check.ts (suspended); anchors-live §13 (suspend → warning unless allowlisted)',
  },
  reads: [...FLUX_KINDS],
  check(context) {
    for (const kind of FLUX_KINDS) {
      for (const object of context.list(kind)) {
        if (object.spec?.suspend !== true) continue;
        context.report({
          object,
          message: 'is suspended: it does not reconcile, so drift and new commits are ignored',
          hint: `When the reason is gone: flux resume ${fluxCliKind(kind)} ${object.metadata.name} -n ${object.metadata.namespace}.`,
        });
      }
    }
  },
} satisfies HealthRule;
