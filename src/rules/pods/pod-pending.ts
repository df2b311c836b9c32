import { conditionOf } from '../../k8s/conditions.js';
import { containerStatuses } from '../../k8s/container-statuses.js';
import { eventsAbout } from '../../k8s/events.js';
import { missingReferences } from '../../k8s/missing-references.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-pending',
    domain: 'pods',
    severity: 'warning',
    title: 'A pod has been Pending for longer than a few minutes',
    source: 'seed 000 /cluster-health; seed 002 triage (Unschedulable: insufficient memory, PVC not bound)',
    options: { minutes: 10 },
  },
  reads: ['Pod'],
  check(context) {
    // pod-reference-missing (same domain) reads the events and claims this needs.
    const claimsRead = context.cluster.reads.get('PersistentVolumeClaim')?.state === 'read';
    const claimsIn = (namespace: string | undefined) => new Set(context.list('PersistentVolumeClaim').filter((claim) => claim.metadata.namespace === namespace).map((claim) => claim.metadata.name));
    for (const pod of context.list('Pod')) {
      if (pod.status?.phase !== 'Pending' || pod.metadata.deletionTimestamp) continue;
      const age = ageOf(pod.metadata.creationTimestamp, context.now);
      if (age === undefined || age < Number(context.options.minutes) * MINUTE) continue;
      const scheduled = conditionOf(pod.status, 'PodScheduled');
      const waiting = containerStatuses(pod).find((status) => status.state?.waiting?.reason)?.state?.waiting;
      // An image that cannot be pulled, or a Secret, ConfigMap or claim that is missing, has its own, more precise finding.
      if (waiting?.reason && /Image|ErrImage/.test(waiting.reason)) continue;
      if (missingReferences(pod, eventsAbout(pod, context.list('Event')), claimsRead ? claimsIn(pod.metadata.namespace) : undefined).length > 0) continue;
      const why = scheduled?.status === 'False'
        ? `not scheduled: ${scheduled.reason ?? 'Unschedulable'}${scheduled.message ? ` (${scheduled.message})` : ''}`
        : waiting ? `${waiting.reason}${waiting.message ? ` (${waiting.message.split('\n')[0]})` : ''}` : 'waiting to start';
      context.report({
        object: pod,
        message: `Pending for ${formatDuration(age)}: ${why}`,
        hint: scheduled?.status === 'False'
          ? 'Free or add capacity, relax nodeSelector/affinity/tolerations, or bind its PVC (kubectl describe pod shows the scheduler events).'
          : `kubectl describe pod -n ${pod.metadata.namespace} ${pod.metadata.name} shows what it waits for (volumes, secrets, image).`,
      });
    }
  },
} satisfies HealthRule;
