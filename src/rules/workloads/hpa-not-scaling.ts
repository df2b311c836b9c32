import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'hpa-not-scaling',
    domain: 'workloads',
    severity: 'warning',
    title: 'A HorizontalPodAutoscaler that cannot read its metrics or scale its target',
    source: 'seed 002 (HPAs for the backend); the HPA controller’s AbleToScale and ScalingActive conditions, which kubectl get hpa shows only as <unknown>',
    options: { minutes: 10 },
  },
  reads: ['HorizontalPodAutoscaler'],
  check(context) {
    const minutes = Number(context.options.minutes);
    for (const hpa of context.list('HorizontalPodAutoscaler')) {
      const able = conditionOf(hpa.status, 'AbleToScale');
      const active = conditionOf(hpa.status, 'ScalingActive');
      // A target scaled to zero switches the HPA off on purpose (ScalingDisabled).
      const failed = able?.status === 'False' ? able : active?.status === 'False' && active.reason !== 'ScalingDisabled' ? active : undefined;
      if (!failed) continue;
      const age = ageOf(failed.lastTransitionTime, context.now);
      // Metrics are missing for a minute or two after pods start: only a lasting failure counts.
      if (age !== undefined && age < minutes * MINUTE) continue;
      const target = hpa.spec?.scaleTargetRef ?? {};
      const replicas = hpa.status?.currentReplicas;
      const message = failed.message ?? '';
      context.report({
        object: hpa,
        message: `${failed === able ? 'cannot scale' : 'is not scaling'} ${String(target.kind ?? '')} ${String(target.name ?? '')}${age === undefined ? '' : ` for ${formatDuration(age)}`} (${describeCondition(failed)}): it stays at ${typeof replicas === 'number' ? `${replicas} replica${replicas === 1 ? '' : 's'}` : 'its replica count'} whatever the load`,
        hint: message.includes('missing request for')
          ? 'Give every container of the target a request for that resource (resources.requests), or scale on an AverageValue target.'
          : failed === able
            ? `Check the scaleTargetRef (kind, name) against kubectl get ${String(target.kind ?? 'deployment').toLowerCase()} -n ${hpa.metadata.namespace}.`
            : 'Check that the metrics API answers (kubectl top pods; metrics-server, or the adapter an external or custom metric needs).',
      });
    }
  },
} satisfies HealthRule;
