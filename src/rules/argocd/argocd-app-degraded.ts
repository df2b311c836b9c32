import { withKnownIssues } from '../../k8s/argo-known-issues.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'argocd-app-degraded',
    domain: 'argocd',
    severity: 'critical',
    title: 'An Argo CD Application is Degraded or Missing (Unknown health is a warning)',
    source: 'seed 000 /argocd-status; Argo CD health model (gitops-engine pkg/health)',
  },
  reads: ['Application'],
  check(context) {
    for (const app of context.list('Application')) {
      const health = app.status?.health?.status;
      if (health !== 'Degraded' && health !== 'Missing' && health !== 'Unknown') continue;
      const unhealthy = (app.status?.resources ?? []).filter((r: { health?: { status?: string } }) => r.health?.status === 'Degraded' || r.health?.status === 'Missing');
      const named = unhealthy.slice(0, 3).map((r: { kind: string; name: string; health: { status: string; message?: string } }) => `${r.kind}/${r.name} ${r.health.status}${r.health.message ? ` (${r.health.message})` : ''}`).join('; ');
      context.report(
        withKnownIssues(
          {
            object: app,
            severity: health === 'Unknown' ? 'warning' : 'critical',
            message: `health ${health}${named ? `: ${named}${unhealthy.length > 3 ? '; …' : ''}` : app.status?.health?.message ? `: ${app.status.health.message}` : ''}`,
            hint: `argocd app get ${app.metadata.name} lists each resource's health; the pods' and workloads' findings here say why.`,
          },
          health,
          context.knownIssues,
          context.now,
        ),
      );
    }
  },
} satisfies HealthRule;
