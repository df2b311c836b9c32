import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'flux-dependency-not-ready',
    domain: 'flux',
    severity: 'warning',
    title: 'A Flux Kustomization or HelmRelease waits on a dependency that is not Ready',
    source: 'F2 (live side); anchors-live §13 (DependencyNotReady → warning, as Headlamp does)',
  },
  reads: ['Kustomization', 'HelmRelease'],
  check(context) {
    for (const kind of ['Kustomization', 'HelmRelease']) {
      const all = context.list(kind);
      for (const object of all) {
        const ready = conditionOf(object.status, 'Ready');
        if (ready?.status === 'True' || ready?.reason !== 'DependencyNotReady') continue;
        const blockers = (object.spec?.dependsOn ?? [])
          .map((dep: { name: string; namespace?: string }) => ({ name: dep.name, namespace: dep.namespace ?? object.metadata.namespace }))
          .filter((dep: { name: string; namespace: string }) => {
            const target = all.find((o) => o.metadata.name === dep.name && o.metadata.namespace === dep.namespace);
            return conditionOf(target?.status, 'Ready')?.status !== 'True';
          })
          .map((dep: { name: string; namespace: string }) => `${dep.namespace}/${dep.name}`);
        context.report({
          object,
          message: `waits on ${blockers.length ? blockers.join(', ') : 'a dependency'} (${describeCondition(ready)})`,
          hint: 'Fix the dependency first (its own finding says why); this one follows on the next reconcile.',
        });
      }
    }
  },
} satisfies HealthRule;
