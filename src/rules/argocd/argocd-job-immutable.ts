import { applicationSyncOptions, objectSyncOptions, SYNC_OPTIONS_ANNOTATION } from '../../k8s/argo-sync-options.js';
import { apiGroup, documentKey } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const HOOK = 'argocd.argoproj.io/hook';

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
    const reported = new Set<string>();
    for (const { app, objects } of context.argoBuilds) {
      if (applicationSyncOptions(app.spec).get('Replace') === 'true') continue;
      for (const object of objects) {
        if (object.kind !== 'Job' || apiGroup(object.apiVersion) !== 'batch') continue;
        const options = objectSyncOptions(object);
        if (asRecord(asRecord(object.body.metadata)?.annotations)?.[HOOK] !== undefined || options.get('Replace') === 'true' || options.get('Force') === 'true') continue;
        if (reported.has(documentKey(object))) continue;
        reported.add(documentKey(object));
        context.report({
          object,
          path: ['metadata'],
          key: true,
          message: `Application ${app.object.name} syncs this Job in place: its pod template is immutable, so the next change fails with "field is immutable"`,
          hint: `Make it a hook (${HOOK}: Sync, with a delete policy) or annotate ${SYNC_OPTIONS_ANNOTATION}: Replace=true.`,
        });
      }
    }
  },
} satisfies Rule;
