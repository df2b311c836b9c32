import { nodeObject } from '../../flux/node-object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-sops-no-decryption',
    domain: 'flux',
    severity: 'critical',
    title: 'SOPS-encrypted files applied by a Flux Kustomization without decryption',
    source: 'F13; seed 004 ("SOPS in monitoring: not decrypting … OAuth2 secrets in plain text"); sudoflux "enable SOPS decryption for monitoring kustomization"',
  },
  check(context) {
    for (const node of context.flux.nodes) {
      const encrypted = node.applies.filter((object) => asRecord(object.body.sops) !== undefined);
      // The effective spec counts: a parent's spec.patches may add decryption (the Anton layout).
      if (encrypted.length === 0 || asRecord(asRecord(node.object.body.spec)?.decryption)?.provider === 'sops') continue;
      const files = [...new Set(encrypted.map((object) => object.source?.file).filter(Boolean))];
      context.report({
        object: nodeObject(node),
        path: ['spec'],
        key: true,
        message: `applies ${encrypted.length} SOPS-encrypted document${encrypted.length === 1 ? '' : 's'} (${files.slice(0, 2).join(', ')}${files.length > 2 ? ', …' : ''}) without spec.decryption: Flux fails to apply them`,
        hint: 'Add `decryption: {provider: sops, secretRef: {name: sops-age}}` to the Kustomization (or patch it in from the parent).',
      });
    }
  },
} satisfies Rule;
