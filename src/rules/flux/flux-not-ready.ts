import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { FLUX_KINDS, fluxCliKind } from '../../k8s/flux-live.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'flux-not-ready',
    domain: 'flux',
    severity: 'critical',
    title: 'A Flux Kustomization, HelmRelease or source is not Ready',
    source: 'seed 003 flux-deployment-check.ts; seed 001 (flux get all exits 0 on failures, anchors-live §3)',
    options: { unknownMinutes: 15 },
  },
  reads: [...FLUX_KINDS],
  check(context) {
    for (const kind of FLUX_KINDS) {
      for (const object of context.list(kind)) {
        if (object.spec?.suspend === true) continue; // flux-suspended says so
        const ready = conditionOf(object.status, 'Ready');
        // Waiting on a dependency is flux-dependency-not-ready's finding, about the dependency.
        if (!ready || ready.status === 'True' || ready.reason === 'DependencyNotReady') continue;
        const age = ageOf(ready.lastTransitionTime, context.now);
        if (ready.status === 'Unknown') {
          if (age === undefined || age < Number(context.options.unknownMinutes) * MINUTE) continue;
          context.report({
            object,
            severity: 'warning',
            message: `still reconciling after ${formatDuration(age)} (${describeCondition(ready)})`,
            hint: `flux events --for ${kind}/${object.metadata.name} -n ${object.metadata.namespace} shows what it waits for (health checks, a slow chart).`,
          });
          continue;
        }
        context.report({
          object,
          message: `not Ready${age !== undefined ? ` for ${formatDuration(age)}` : ''}: ${describeCondition(ready)}`,
          hint: `Fix what Flux says, push, then flux reconcile ${fluxCliKind(kind)} ${object.metadata.name} -n ${object.metadata.namespace}.`,
        });
      }
    }
  },
} satisfies HealthRule;
