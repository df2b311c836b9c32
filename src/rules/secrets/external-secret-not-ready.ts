import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import type { HealthRule } from '../health-rule.js';

const KINDS = ['ClusterSecretStore', 'SecretStore', 'ExternalSecret'];

export default {
  meta: {
    id: 'external-secret-not-ready',
    domain: 'secrets',
    severity: 'critical',
    title: 'An ExternalSecret, SecretStore or ClusterSecretStore is not Ready',
    source: 'seed 000 /vault-status; seed 001 (ESO SecretSyncedError after a Vault seal)',
  },
  reads: KINDS,
  check(context) {
    for (const kind of KINDS) {
      for (const object of context.list(kind)) {
        const ready = conditionOf(object.status, 'Ready');
        if (!ready || ready.status === 'True') continue;
        context.report({
          object,
          message: `not Ready: ${describeCondition(ready)}`,
          hint: kind === 'ExternalSecret'
            ? 'Check the key exists in the provider and the store is Ready; kubectl describe externalsecret shows the last error.'
            : 'The provider (Vault, 1Password, Bitwarden…) rejects the store: check its address, auth and whether Vault is sealed.',
        });
      }
    }
  },
} satisfies HealthRule;
