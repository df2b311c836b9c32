import { dependsOnEntries } from '../../flux/depends-on.js';
import { isFluxKustomization } from '../../k8s/kinds.js';
import { asRecord } from '../../repo/parse.js';
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
    const kustomizations = context.objects.filter(isFluxKustomization);
    // Names other Kustomizations wait for (namespaces come with rendering; names are enough here).
    const dependedOn = new Map<string, string[]>();
    for (const object of kustomizations) {
      for (const { name } of dependsOnEntries(object.body, '')) dependedOn.set(name, [...(dependedOn.get(name) ?? []), object.name ?? '(unnamed)']);
    }
    for (const object of kustomizations) {
      const spec = asRecord(object.body.spec);
      const healthChecks = spec?.healthChecks;
      if (spec?.wait === true || (Array.isArray(healthChecks) && healthChecks.length > 0)) continue;
      const dependents = dependedOn.get(object.name ?? '') ?? [];
      // An explicit `wait: false` on a leaf nobody depends on is a deliberate, harmless choice.
      if (spec?.wait === false && dependents.length === 0) continue;
      const waiting = dependents.length > 0 ? `, yet ${dependents.slice(0, 3).join(', ')}${dependents.length > 3 ? ' and others' : ''} depend${dependents.length === 1 ? 's' : ''} on it` : '';
      // What goes wrong is a dependent starting too early; a leaf only reports Ready early: a notice.
      context.report({
        object,
        path: spec && 'wait' in spec ? ['spec', 'wait'] : ['spec'],
        key: true,
        message: `neither wait: true nor healthChecks: Flux reports it Ready before anything it applied is healthy${waiting}`,
        hint:
          dependents.length > 0
            ? 'Add `wait: true` under spec (or list the workloads under `healthChecks`), so dependsOn really waits.'
            : 'Add `wait: true` under spec (or `healthChecks`) so Ready means healthy, or `wait: false` to say that it need not.',
        ...(dependents.length > 0 ? {} : { severity: 'info' as const }),
      });
    }
  },
} satisfies Rule;
