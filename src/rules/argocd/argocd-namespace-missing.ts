import { argoApplications, generatedSuffix } from '../../argocd/argo-applications.js';
import { isPlaceholder } from '../../k8s/argo-apps.js';
import { BUILT_IN_NAMESPACES } from '../../k8s/built-in-namespaces.js';
import { applicationSyncOptions } from '../../k8s/argo-sync-options.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-namespace-missing',
    domain: 'argocd',
    severity: 'warning',
    title: 'An Argo CD Application deploying to a namespace nothing creates, without CreateNamespace=true',
    source: 'Part 3 of the check (issue #4): "destination namespace created somewhere or CreateNamespace=true"; Argo CD fails the sync with namespaces "…" not found',
  },
  check(context) {
    const created = new Set(context.objects.filter((object) => object.kind === 'Namespace' && object.apiVersion === 'v1' && object.name).map((object) => object.name!));
    for (const app of argoApplications(context.applied, context.repository)) {
      const destination = asRecord(app.spec.destination);
      const namespace = destination?.namespace;
      if (typeof namespace !== 'string' || namespace === '' || isPlaceholder(namespace)) continue;
      // Argo CD itself runs in the Application's namespace, so that one exists.
      if (BUILT_IN_NAMESPACES.has(namespace) || created.has(namespace) || namespace === app.object.namespace) continue;
      if (applicationSyncOptions(app.spec).get('CreateNamespace') === 'true') continue;
      context.report({
        object: app.object,
        path: [...app.specPath, 'destination', 'namespace'],
        message: `destination namespace ${namespace} is created by no Namespace in the repo and the app has no CreateNamespace=true${generatedSuffix(app)}: the sync fails with namespaces "${namespace}" not found`,
        hint: 'Add `CreateNamespace=true` under spec.syncPolicy.syncOptions, or commit a Namespace manifest (it can carry labels such as Pod Security levels).',
      });
    }
  },
} satisfies Rule;
