import { withKnownIssues } from '../../k8s/argo-known-issues.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'argocd-operation-failed',
    domain: 'argocd',
    severity: 'critical',
    title: 'An Argo CD sync operation failed, or has been running (retrying) too long',
    source: 'seed 002 hctl vcluster sync (clears stale failed operations); argo-cd #14666 (retries stuck)',
    options: { runningMinutes: 30 },
  },
  reads: ['Application'],
  check(context) {
    for (const app of context.list('Application')) {
      const operation = app.status?.operationState;
      if (!operation?.phase) continue;
      const message = String(operation.message ?? '').split('\n')[0];
      if (operation.phase === 'Failed' || operation.phase === 'Error') {
        context.report(
          withKnownIssues(
            {
              object: app,
              message: `last sync ${operation.phase}${operation.retryCount ? ` after ${operation.retryCount} retries` : ''}${message ? `: ${message}` : ''}`,
              hint: `Fix the cause, then argocd app sync ${app.metadata.name} (argocd app terminate-op first if an old operation lingers).`,
            },
            'SyncFailed',
            context.knownIssues,
            context.now,
          ),
        );
        continue;
      }
      const age = ageOf(operation.startedAt, context.now);
      if (operation.phase !== 'Running' || age === undefined || age < Number(context.options.runningMinutes) * MINUTE) continue;
      context.report({
        object: app,
        severity: 'warning',
        message: `sync running for ${formatDuration(age)}${operation.retryCount ? ` (retry ${operation.retryCount})` : ''}${message ? `: ${message}` : ''}`,
        hint: `A hook or health check is waiting forever: argocd app get ${app.metadata.name} shows which; argocd app terminate-op ${app.metadata.name} stops it.`,
      });
    }
  },
} satisfies HealthRule;
