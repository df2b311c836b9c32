import { withKnownIssues } from '../../k8s/argo-known-issues.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'argocd-app-out-of-sync',
    domain: 'argocd',
    severity: 'warning',
    title: 'An Argo CD Application is OutOfSync with Git',
    source: 'seed 000 /argocd-status (with its two known OutOfSync apps allowlisted)',
  },
  reads: ['Application'],
  check(context) {
    for (const app of context.list('Application')) {
      const sync = app.status?.sync?.status;
      if (sync !== 'OutOfSync' && sync !== 'Unknown') continue;
      const drifted = (app.status?.resources ?? []).filter((r: { status?: string }) => r.status === 'OutOfSync');
      const named = drifted.slice(0, 3).map((r: { kind: string; name: string }) => `${r.kind}/${r.name}`).join(', ');
      context.report(
        withKnownIssues(
          {
            object: app,
            message: sync === 'Unknown'
              ? `sync status Unknown${app.status?.conditions?.[0]?.message ? `: ${String(app.status.conditions[0].message).split('\n')[0]}` : ''}`
              : `OutOfSync${drifted.length ? `: ${drifted.length} resource${drifted.length === 1 ? '' : 's'} differ (${named}${drifted.length > 3 ? ', …' : ''})` : ''}`,
            hint: `argocd app diff ${app.metadata.name} shows the drift; sync it, or add ignoreDifferences for fields a controller owns.`,
          },
          sync,
          context.knownIssues,
          context.now,
        ),
      );
    }
  },
} satisfies HealthRule;
