import { apiGroup } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/**
 * Values that only point at a secret kept elsewhere: Flux postBuild `${VAR}`, 1Password
 * `op://vault/item/field` (op inject), argocd-vault-plugin `<path:…>`, vals `ref+vault://…`.
 */
const SECRET_REFERENCE = /^\s*(?:(?:\$\{[^}]+\}\s*)+|op:\/\/[^\n]+|<path:[^>]+>|ref\+[a-z0-9]+:\/\/\S+)\s*$/;

export default {
  meta: {
    id: 'secret-plaintext',
    domain: 'secrets',
    severity: 'critical',
    title: 'A Secret committed without encryption',
    source: 'S1; seed 003 ("NEVER commit secrets directly"); seed 004 (OAuth2 secrets in plain text because SOPS was not decrypting)',
  },
  check(context) {
    for (const object of context.objects) {
      if (object.kind !== 'Secret' || apiGroup(object.apiVersion) !== '' || object.sopsEncrypted) continue;
      for (const field of ['data', 'stringData'] as const) {
        const values = Object.values(asRecord(object.body[field]) ?? {});
        const real = values.filter((value) => value !== null && value !== '' && !(typeof value === 'string' && SECRET_REFERENCE.test(value)));
        if (real.length === 0) continue;
        const file = object.source?.file ?? '';
        const rule = context.sops.ruleFor(file);
        let hint: string;
        if (rule) {
          hint = `${rule.configFile} already covers this path${rule.pathRegex ? ` (path_regex ${rule.pathRegex})` : ''}: run \`sops --encrypt --in-place ${file}\`, then rotate the exposed values.`;
        } else if (context.sops.present) {
          hint = 'No .sops.yaml creation rule matches this path: add one and encrypt the file, or move the values to an ExternalSecret; rotate the exposed values.';
        } else {
          hint = 'Encrypt the file with SOPS (and give Flux the key) or move the values to an ExternalSecret; rotate the exposed values.';
        }
        context.report({
          object,
          path: [field],
          key: true,
          message: `${real.length} value${real.length === 1 ? '' : 's'} in plain text under ${field}`,
          hint,
        });
      }
    }
  },
} satisfies Rule;
