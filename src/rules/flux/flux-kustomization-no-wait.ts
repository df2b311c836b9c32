import { isFluxKustomization } from '../../k8s/kinds.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-kustomization-no-wait',
    domain: 'flux',
    severity: 'warning',
    title: 'A Flux Kustomization that is Ready before its workloads are',
    source: 'F7; seed 003 ("Include wait: true for dependencies"; check-flux-config.ts checks 2 and 3)',
  },
  check(context) {
    for (const object of context.objects) {
      if (!isFluxKustomization(object)) continue;
      const spec = object.body.spec as Record<string, unknown> | undefined;
      const healthChecks = spec?.healthChecks;
      const hasHealthChecks = Array.isArray(healthChecks) && healthChecks.length > 0;
      if (spec?.wait === true || hasHealthChecks) continue;
      context.report({
        object,
        path: spec && 'wait' in spec ? ['spec', 'wait'] : ['spec'],
        key: true,
        message: 'neither wait: true nor healthChecks: Flux reports it Ready before anything it applied is healthy',
        hint: 'Add `wait: true` under spec (or list the workloads under `healthChecks`), so dependsOn really waits.',
      });
    }
  },
} satisfies Rule;
