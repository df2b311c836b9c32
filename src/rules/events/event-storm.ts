import { involvedObjectOf } from '../../k8s/events.js';
import type { LiveObject } from '../../cluster/cluster-state.js';
import type { HealthRule } from '../health-rule.js';

function countOf(event: LiveObject): number {
  return Number((event.series as { count?: number } | undefined)?.count ?? event.count ?? 1) || 1;
}

export default {
  meta: {
    id: 'event-storm',
    domain: 'events',
    severity: 'warning',
    title: 'One object produces most of the cluster\'s warning events',
    source: 'seed 002 triage (one failing probe flooding events); etcd size pressure from event churn',
    options: { minEvents: 50, minPercent: 50 },
  },
  reads: ['Event'],
  check(context) {
    const byObject = new Map<string, { object: NonNullable<ReturnType<typeof involvedObjectOf>>; count: number; reasons: Map<string, number> }>();
    let total = 0;
    for (const event of context.list('Event')) {
      const involved = involvedObjectOf(event);
      if (!involved?.name) continue;
      const count = countOf(event);
      total += count;
      const key = `${involved.kind}/${involved.namespace ?? ''}/${involved.name}`;
      const entry = byObject.get(key) ?? { object: involved, count: 0, reasons: new Map<string, number>() };
      entry.count += count;
      const reason = String(event.reason ?? 'Unknown');
      entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + count);
      byObject.set(key, entry);
    }
    const top = [...byObject.values()].sort((a, b) => b.count - a.count)[0];
    if (!top || top.count < Number(context.options.minEvents) || (top.count / total) * 100 < Number(context.options.minPercent)) return;
    const [reason] = [...top.reasons].sort((a, b) => b[1] - a[1])[0]!;
    context.report({
      resource: { apiVersion: top.object.apiVersion ?? 'v1', kind: top.object.kind ?? 'Unknown', ...(top.object.namespace ? { namespace: top.object.namespace } : {}), name: top.object.name },
      message: `produced ${top.count} of ${total} warning events (${Math.round((top.count / total) * 100)}%), mostly ${reason}`,
      hint: `kubectl get events -n ${top.object.namespace ?? 'default'} --field-selector involvedObject.name=${top.object.name} shows them; fix the cause (a failing probe, a mount retry) before the churn loads etcd.`,
    });
  },
} satisfies HealthRule;
