import { conditionOf } from '../../k8s/conditions.js';
import { fluxSourceOf } from '../../k8s/flux-live.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'flux-revision-behind',
    domain: 'flux',
    severity: 'warning',
    title: "A Kustomization's applied revision is behind its source's artifact",
    source: 'seed 003 flux-deployment-check.ts (lastAppliedRevision vs artifact); flux2 #5330',
  },
  reads: ['Kustomization', 'GitRepository', 'OCIRepository', 'Bucket'],
  check(context) {
    for (const kustomization of context.list('Kustomization')) {
      if (kustomization.spec?.suspend === true) continue;
      // A failing or reconciling one is flux-not-ready's; behind-while-Ready means the new commit never applied.
      if (conditionOf(kustomization.status, 'Ready')?.status !== 'True') continue;
      const ref = fluxSourceOf(kustomization);
      const applied = kustomization.status?.lastAppliedRevision;
      if (!ref || !applied) continue;
      const source = context.list(ref.kind).find((s) => s.metadata.name === ref.name && s.metadata.namespace === ref.namespace);
      const artifact = source?.status?.artifact?.revision;
      if (!artifact || artifact === applied) continue;
      context.report({
        object: kustomization,
        message: `applied ${applied}, but ${ref.kind} ${ref.namespace}/${ref.name} has ${artifact}`,
        hint: `flux reconcile kustomization ${kustomization.metadata.name} -n ${kustomization.metadata.namespace}; if it stays behind, check its interval and events.`,
      });
    }
  },
} satisfies HealthRule;
