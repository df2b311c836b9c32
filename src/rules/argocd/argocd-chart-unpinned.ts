import { argoAppSpecs, argoSources, isPlaceholder } from '../../k8s/argo-apps.js';
import { classifyChartVersion } from '../../k8s/version-pin.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-chart-unpinned',
    domain: 'argocd',
    severity: 'warning',
    title: 'An Argo CD Helm chart source whose targetRevision is not an exact version',
    source: 'A4; seed 000 ("Helm values: always pin chart versions in ArgoCD Application manifests")',
  },
  check(context) {
    for (const app of argoAppSpecs(context.objects)) {
      for (const { path, source } of argoSources(app)) {
        if (typeof source.chart !== 'string' || isPlaceholder(source.targetRevision)) continue;
        const kind = classifyChartVersion(source.targetRevision);
        if (kind === 'exact') continue;
        context.report({
          object: app.object,
          path: kind === 'missing' ? path : [...path, 'targetRevision'],
          message:
            kind === 'missing'
              ? `Chart ${source.chart} has no targetRevision: Argo CD follows the newest chart`
              : `Chart ${source.chart} targetRevision "${String(source.targetRevision)}" is not an exact version`,
          hint: 'Set targetRevision to an exact chart version (e.g. "1.16.2"), not *, a range or HEAD.',
        });
      }
    }
  },
} satisfies Rule;
