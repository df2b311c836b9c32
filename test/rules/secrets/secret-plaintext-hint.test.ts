import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/secrets/secret-plaintext.js';
import { runRule } from '../../rule-tester.js';

const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: oauth\nstringData:\n  client-secret: hunter2\n';

describe('secret-plaintext hints follow .sops.yaml', () => {
  it('names the creation rule that covers the file', () => {
    const [finding] = runRule(rule, { files: { '.sops.yaml': 'creation_rules:\n  - path_regex: .*secret.*\\.yaml$\n', 'a/secret.yaml': secret } });
    expect(finding!.hint).toContain('sops --encrypt --in-place a/secret.yaml');
  });

  it('says when no creation rule matches', () => {
    const [finding] = runRule(rule, { files: { '.sops.yaml': 'creation_rules:\n  - path_regex: .*\\.enc\\.yaml$\n', 'a/oauth.yaml': secret } });
    expect(finding!.hint).toContain('No .sops.yaml creation rule matches');
  });

  it('never prints the secret value', () => {
    const [finding] = runRule(rule, { code: secret });
    expect(JSON.stringify(finding)).not.toContain('hunter2');
  });
});
