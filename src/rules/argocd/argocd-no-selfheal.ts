import { argoAppSpecs } from '../../k8s/argo-apps.js';
import { asRecord } from '../../repo/parse.js';
import { getIn } from '../../k8s/pod-templates.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-no-selfheal',
    domain: 'argocd',
    severity: 'warning',
    title: 'Automated Argo CD sync without selfHeal',
    source: 'A8; seed 002 hctl diagnostic step 9; gitops_homelab "make drift correction the default sync policy"; seed 000 (rollout-restart drift)',
  },
  check(context) {
    for (const app of argoAppSpecs(context.objects)) {
      const automated = getIn(app.spec, ['syncPolicy', 'automated']);
      if (automated === undefined) continue;
      const settings = asRecord(automated) ?? {};
      if (settings.enabled === false || settings.selfHeal === true) continue;
      context.report({
        object: app.object,
        path: [...app.specPath, 'syncPolicy', 'automated'],
        key: true,
        message: 'Automated sync without selfHeal: changes made in the cluster (kubectl edit, rollout restart) stay until the next commit',
        hint: 'Add `selfHeal: true` under syncPolicy.automated so Argo CD reverts drift from Git.',
      });
    }
  },
} satisfies Rule;
