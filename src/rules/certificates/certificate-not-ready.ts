import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { ageOf, formatDuration } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'certificate-not-ready',
    domain: 'certificates',
    severity: 'critical',
    title: 'A cert-manager Certificate is not Ready',
    source: 'seed 003 cluster-health-monitor.ts (certificates); seed 001 (ACME DNS-01 failures)',
  },
  reads: ['Certificate'],
  check(context) {
    for (const certificate of context.list('Certificate')) {
      const ready = conditionOf(certificate.status, 'Ready');
      if (ready?.status === 'True') continue;
      const age = ageOf(ready?.lastTransitionTime ?? certificate.metadata.creationTimestamp, context.now);
      // A new certificate is issued within minutes; Unknown for a while is just issuance.
      if (ready?.status !== 'False' && (age === undefined || age < 15 * 60_000)) continue;
      context.report({
        object: certificate,
        message: `not Ready${age !== undefined ? ` for ${formatDuration(age)}` : ''}${ready ? `: ${describeCondition(ready)}` : ''}`,
        hint: `kubectl describe certificate -n ${certificate.metadata.namespace} ${certificate.metadata.name}, then its CertificateRequest, Order and Challenge show where issuance stopped.`,
      });
    }
  },
} satisfies HealthRule;
