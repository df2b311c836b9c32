import { argoAppSpecs } from '../../k8s/argo-apps.js';
import { getIn } from '../../k8s/pod-templates.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-infinite-retry',
    domain: 'argocd',
    severity: 'warning',
    title: 'An Argo CD sync retry without a limit',
    source: 'A7; gitops_homelab known-issues: `retry.limit: -1` kept mcp-system retrying a broken pinned revision after the fix merged',
  },
  check(context) {
    for (const app of argoAppSpecs(context.objects)) {
      const limit = getIn(app.spec, ['syncPolicy', 'retry', 'limit']);
      if (typeof limit !== 'number' || limit >= 0) continue;
      context.report({
        object: app.object,
        path: [...app.specPath, 'syncPolicy', 'retry', 'limit'],
        message: `Sync retry limit is ${limit}: a failed sync retries the same pinned revision forever, even after the fix is merged`,
        hint: 'Set a finite limit (e.g. `limit: 5`) with backoff; a new commit then starts a fresh operation.',
      });
    }
  },
} satisfies Rule;
