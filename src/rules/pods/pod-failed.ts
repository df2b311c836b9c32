import { controllerOf } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-failed',
    domain: 'pods',
    severity: 'warning',
    title: 'A pod is Failed (evicted, or exited with an error) and left behind',
    source: 'seed 001 health-check.sh (Failed pods); seed 004 AAR (evicted pods piling up)',
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      if (pod.status?.phase !== 'Failed') continue;
      // A Job's failed attempts are judged with the Job (job-failed).
      if (controllerOf(pod)?.kind === 'Job') continue;
      const reason = pod.status?.reason ?? 'Failed';
      context.report({
        object: pod,
        message: `${reason}${pod.status?.message ? `: ${String(pod.status.message).split('\n')[0]}` : ''}`,
        hint: reason === 'Evicted'
          ? 'The node ran short (memory or disk); fix the pressure, then delete the evicted pods.'
          : `Read its logs (kubectl logs -n ${pod.metadata.namespace} ${pod.metadata.name}), then delete it.`,
      });
    }
  },
} satisfies HealthRule;
