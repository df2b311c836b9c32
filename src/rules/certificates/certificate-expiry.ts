import type { LiveObject } from '../../cluster/cluster-state.js';
import { DAY, formatDuration } from '../../text/duration.js';
import type { HealthContext, HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'certificate-expiry',
    domain: 'certificates',
    severity: 'warning',
    title: 'A certificate expires soon or has expired (read from the certificate, not from Ready)',
    source: 'seed 004 AAR (expired certificates reported Ready); anchors-live §12 (expiry window)',
    options: { warnDays: 30, criticalDays: 7 },
  },
  reads: ['Certificate', 'Secret'],
  check(context) {
    // What each Certificate says, by the Secret it writes, so a Secret with the same date is not reported twice.
    const claimed = new Map<string, number>();
    for (const certificate of context.list('Certificate')) {
      const notAfter = certificate.status?.notAfter;
      if (typeof notAfter !== 'string') continue;
      claimed.set(`${certificate.metadata.namespace}/${certificate.spec?.secretName}`, Date.parse(notAfter));
      judge(context, certificate, notAfter, 'status.notAfter', `cert-manager renews at status.renewalTime (${certificate.status?.renewalTime ?? 'unknown'}); if it has not, certificate-not-ready or the issuer's logs say why.`);
    }
    for (const secret of context.list('Secret')) {
      const facts = secret.certificate as { notAfter?: string; subject?: string } | undefined;
      if (!facts?.notAfter) continue;
      if (claimed.get(`${secret.metadata.namespace}/${secret.metadata.name}`) === Date.parse(facts.notAfter)) continue;
      const issuedBy = secret.metadata.annotations?.['cert-manager.io/certificate-name'];
      judge(context, secret, facts.notAfter, `its tls.crt (${facts.subject ?? 'no subject'})`, issuedBy
        ? `The Secret differs from Certificate ${issuedBy}'s status: renew it (cmctl renew ${issuedBy} -n ${secret.metadata.namespace}).`
        : 'Nothing renews this Secret: replace the certificate, or let cert-manager manage it with a Certificate.');
    }
  },
} satisfies HealthRule;

function judge(context: HealthContext, object: LiveObject, notAfter: string, from: string, hint: string): void {
  const left = Date.parse(notAfter) - context.now.getTime();
  if (Number.isNaN(left) || left >= Number(context.options.warnDays) * DAY) return;
  context.report({
    object,
    severity: left < Number(context.options.criticalDays) * DAY ? 'critical' : 'warning',
    message: left <= 0 ? `expired ${formatDuration(-left)} ago (${notAfter}, from ${from})` : `expires in ${formatDuration(left)} (${notAfter}, from ${from})`,
    hint,
  });
}
