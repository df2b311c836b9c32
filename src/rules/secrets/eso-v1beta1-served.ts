import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'eso-v1beta1-served',
    domain: 'secrets',
    severity: 'warning',
    title: 'The External Secrets CRDs still serve v1beta1',
    source: 'seed 000 ("never use v1beta1 ExternalSecrets"); ESO 0.17 removed v1beta1',
  },
  check(context) {
    const versions = context.cluster.apiGroups['external-secrets.io'];
    if (!versions?.includes('v1beta1')) return;
    context.report({
      resource: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'externalsecrets.external-secrets.io' },
      message: `external-secrets.io serves ${versions.join(', ')}: manifests on v1beta1 still apply here and break on the upgrade that drops it`,
      hint: 'Move every ExternalSecret and store to external-secrets.io/v1 (hctl check flags them as eso-deprecated-api), then upgrade ESO.',
    });
  },
} satisfies HealthRule;
