import { argoAppObjects } from '../../k8s/argo-app-objects.js';
import { apiGroup } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const HOOK = 'argocd.argoproj.io/hook';
const SYNC_OPTIONS = 'argocd.argoproj.io/sync-options';

export default {
  meta: {
    id: 'argocd-job-immutable',
    domain: 'argocd',
    severity: 'warning',
    title: 'A Job that Argo CD syncs in place, without a hook or Replace',
    source: 'A11; gitops_homelab commits "let ArgoCD replace the token Job instead of patching it", "disable NGF cert-generator hook to avoid immutable Job conflicts"',
  },
  check(context) {
    // Two Applications may deploy the same directory: one finding per object is enough.
    const reported = new Set<object>();
    for (const { app, objects } of argoAppObjects(context.objects)) {
      const appOptions = (Array.isArray(asRecord(app.spec.syncPolicy)?.syncOptions) ? (asRecord(app.spec.syncPolicy)!.syncOptions as unknown[]) : []).map(String);
      if (appOptions.includes('Replace=true')) continue;
      for (const object of objects) {
        if (object.kind !== 'Job' || apiGroup(object.apiVersion) !== 'batch') continue;
        const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
        const options = String(annotations[SYNC_OPTIONS] ?? '');
        if (annotations[HOOK] !== undefined || options.includes('Replace=true') || options.includes('Force=true')) continue;
        if (reported.has(object)) continue;
        reported.add(object);
        context.report({
          object,
          path: ['metadata'],
          key: true,
          message: `Application ${app.object.name} syncs this Job in place: its pod template is immutable, so the next change fails with "field is immutable"`,
          hint: `Make it a hook (${HOOK}: Sync, with a delete policy) or annotate ${SYNC_OPTIONS}: Replace=true.`,
        });
      }
    }
  },
} satisfies Rule;
