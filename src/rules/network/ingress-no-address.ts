import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'ingress-no-address',
    domain: 'network',
    severity: 'warning',
    title: 'An Ingress has no address: no controller has taken it',
    source: 'seed 003 network-monitor.ts (ingress status); Argo CD Ingress health (load balancer ingress)',
    options: { minutes: 10 },
  },
  reads: ['Ingress'],
  check(context) {
    for (const ingress of context.list('Ingress')) {
      if ((ingress.status?.loadBalancer?.ingress ?? []).length > 0) continue;
      const age = ageOf(ingress.metadata.creationTimestamp, context.now);
      if (age === undefined || age < Number(context.options.minutes) * MINUTE) continue;
      const className = ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
      context.report({
        object: ingress,
        message: `has no address after ${formatDuration(age)}${className ? ` (class ${className})` : ' and names no ingress class'}`,
        hint: className ? `Check that the ${className} controller runs and watches this namespace.` : 'Set spec.ingressClassName, or mark one IngressClass as the default.',
      });
    }
  },
} satisfies HealthRule;
