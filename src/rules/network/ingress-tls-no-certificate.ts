import { apiGroup } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const CERT_MANAGER_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];

export default {
  meta: {
    id: 'ingress-tls-no-certificate',
    domain: 'network',
    severity: 'warning',
    title: 'A TLS Ingress whose certificate Secret nothing in the repo produces',
    source: 'C2; seed 001 (Ingress + cert-manager TLS); seed 004 (cert-manager with Let\'s Encrypt for every service)',
  },
  check(context) {
    // A Certificate's Secret counts in any namespace: homelabs copy one wildcard Secret around.
    const produced = new Set<string>();
    for (const object of context.applied) {
      if (object.kind === 'Certificate' && apiGroup(object.apiVersion) === 'cert-manager.io') produced.add(String(asRecord(object.body.spec)?.secretName));
      if (object.kind === 'Secret' && object.apiVersion === 'v1' && object.name) produced.add(object.name);
    }
    for (const ingress of context.applied) {
      if (ingress.kind !== 'Ingress' || apiGroup(ingress.apiVersion) !== 'networking.k8s.io') continue;
      const annotations = asRecord(asRecord(ingress.body.metadata)?.annotations) ?? {};
      if (CERT_MANAGER_ANNOTATIONS.some((annotation) => annotation in annotations)) continue;
      const tls = asRecord(ingress.body.spec)?.tls;
      (Array.isArray(tls) ? tls : []).forEach((entry, index) => {
        const secretName = asRecord(entry)?.secretName;
        if (typeof secretName !== 'string' || produced.has(secretName)) return;
        context.report({
          object: ingress,
          path: ['spec', 'tls', index, 'secretName'],
          message: `TLS Secret ${secretName} comes from no Certificate or Secret in the repo, and the Ingress has no cert-manager annotation: it serves the controller's default certificate`,
          hint: 'Add cert-manager.io/cluster-issuer: <issuer> to the Ingress, or a Certificate with spec.secretName: ' + secretName + '.',
        });
      });
    }
  },
} satisfies Rule;
