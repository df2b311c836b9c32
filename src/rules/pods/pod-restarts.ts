import { containerStatuses, totalRestarts } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-restarts',
    domain: 'pods',
    severity: 'warning',
    title: 'A running pod has restarted many times',
    source: 'seed 001 health-check.sh (restart counts); anchors-live §8 (restarts > 5)',
    options: { threshold: 5 },
  },
  reads: ['Pod'],
  check(context) {
    const threshold = Number(context.options.threshold);
    for (const pod of context.list('Pod')) {
      const restarts = totalRestarts(pod);
      if (restarts < threshold) continue;
      const statuses = containerStatuses(pod);
      // Crash-looping and OOMKilled containers have their own, more specific findings.
      if (statuses.some((s) => s.state?.waiting?.reason === 'CrashLoopBackOff' || s.lastState?.terminated?.reason === 'OOMKilled')) continue;
      const worst = [...statuses].sort((a, b) => (b.restartCount ?? 0) - (a.restartCount ?? 0))[0]!;
      const last = worst.lastState?.terminated;
      context.report({
        object: pod,
        message: `restarted ${restarts} times (most: ${worst.name}, ${worst.restartCount}${last?.reason ? `, last exit ${last.reason}` : ''})`,
        hint: `kubectl logs -n ${pod.metadata.namespace} ${pod.metadata.name} -c ${worst.name} --previous shows why it last died; check liveness probes that are too strict.`,
      });
    }
  },
} satisfies HealthRule;
