import rule from '../../../src/rules/secrets/secret-plaintext.js';
import { ruleTester } from '../../rule-tester.js';

const plain = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: oauth\n  namespace: monitoring\nstringData:\n  client-secret: hunter2\n';

ruleTester(rule, {
  valid: [
    { name: 'SOPS-encrypted', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: oauth\nstringData:\n  client-secret: ENC[AES256_GCM,data:abc=,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:xyz=,type:str]\n  version: 3.8.1\n' },
    { name: 'only Flux postBuild placeholders', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: templ\nstringData:\n  password: ${DB_PASSWORD}\n' },
    { name: 'only 1Password, argocd-vault-plugin and vals references', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: refs\nstringData:\n  token: |-\n    op://Automation/1password connect/token\n  password: <path:secret/data/db#password>\n  key: ref+vault://secret/app#/key\n' },
    { name: 'no values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  annotations:\n    kubernetes.io/service-account.name: ci\ntype: kubernetes.io/service-account-token\n' },
  ],
  invalid: [
    { name: 'plaintext stringData, no .sops.yaml', code: plain, errors: [{ line: 6, column: 1, message: '1 value in plain text under stringData' }] },
    {
      name: 'a path that .sops.yaml says must be encrypted',
      files: { '.sops.yaml': 'creation_rules:\n  - path_regex: .*secret.*\\.yaml$\n    encrypted_regex: ^(data|stringData)$\n', 'apps/oauth-secret.yaml': plain },
      errors: [{ line: 6, file: 'apps/oauth-secret.yaml' }],
    },
    { name: 'base64 data counts too', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: YWRtaW4=\n  password: aHVudGVyMg==\n', errors: [{ line: 5, message: '2 values' }] },
  ],
});
