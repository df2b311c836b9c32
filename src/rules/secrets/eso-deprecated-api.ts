import type { Rule } from '../rule.js';

const REMOVED_VERSIONS = new Set(['external-secrets.io/v1beta1', 'external-secrets.io/v1alpha1']);
const SERVED_AT_V1 = new Set(['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'ClusterExternalSecret']);

export default {
  meta: {
    id: 'eso-deprecated-api',
    domain: 'secrets',
    severity: 'critical',
    title: 'External Secrets on v1beta1/v1alpha1, which ESO 0.17+ no longer serves',
    source: 'S3; seed 000 ("ESO uses API version v1 (NOT v1beta1)"); seed 003 (ESO v0.17.0 removed v1beta1)',
  },
  check(context) {
    for (const object of context.objects) {
      if (!REMOVED_VERSIONS.has(object.apiVersion) || !SERVED_AT_V1.has(object.kind)) continue;
      context.report({
        object,
        path: ['apiVersion'],
        message: `uses ${object.apiVersion}, which External Secrets Operator 0.17 and later no longer serve`,
        hint: 'Change apiVersion to external-secrets.io/v1; the spec is the same for ordinary use.',
      });
    }
  },
} satisfies Rule;
