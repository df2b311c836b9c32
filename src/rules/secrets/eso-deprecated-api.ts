import { ESO_KINDS_SERVED_AT_V1, ESO_REMOVED_VERSIONS } from '../../k8s/superseded-apis.js';
import type { Rule } from '../rule.js';


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
      if (!ESO_REMOVED_VERSIONS.has(object.apiVersion) || !ESO_KINDS_SERVED_AT_V1.has(object.kind)) continue;
      context.report({
        object,
        path: ['apiVersion'],
        message: `uses ${object.apiVersion}, which External Secrets Operator 0.17 and later no longer serve`,
        hint: 'Change apiVersion to external-secrets.io/v1; the spec is the same for ordinary use.',
      });
    }
  },
} satisfies Rule;
