import { ageOf, formatDuration, HOUR } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

/** Names kubectl debug and people give throwaway pods. */
const DEBUG_NAME = /(^node-debugger-)|((^|-)(debug|debugger|netshoot|tmp-shell|busybox)(-|$))/;

export default {
  meta: {
    id: 'pod-debug-leftover',
    domain: 'pods',
    severity: 'warning',
    title: 'A debug pod (kubectl debug, a bare netshoot/busybox pod) was left running',
    source: 'seed 004 AAR (debug-pod litter); seed 000 /pod-debug',
    options: { hours: 24 },
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      if (pod.status?.phase === 'Succeeded') continue;
      const age = ageOf(pod.metadata.creationTimestamp, context.now);
      if (age === undefined || age < Number(context.options.hours) * HOUR) continue;
      const bare = !pod.metadata.ownerReferences?.length;
      const debugged = Array.isArray(pod.spec?.ephemeralContainers) && pod.spec.ephemeralContainers.length > 0;
      if (!(bare && DEBUG_NAME.test(pod.metadata.name)) && !debugged) continue;
      context.report({
        object: pod,
        message: debugged
          ? `carries ephemeral debug containers (${pod.spec.ephemeralContainers.map((c: { name: string }) => c.name).join(', ')}) and has run for ${formatDuration(age)}`
          : `looks like a debug pod left behind: no owner, running for ${formatDuration(age)}`,
        hint: debugged
          ? 'Ephemeral containers cannot be removed: restart the pod (delete it, its controller recreates it).'
          : `Delete it when done: kubectl delete pod -n ${pod.metadata.namespace} ${pod.metadata.name}.`,
      });
    }
  },
} satisfies HealthRule;
