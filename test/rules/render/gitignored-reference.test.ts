import rule from '../../../src/rules/render/gitignored-reference.js';
import { ruleTester } from '../../rule-tester.js';

const externalSecret = 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: app\n  namespace: app\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n  data: []\n';
const deployment = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: app\n';

ruleTester(rule, {
  valid: [
    { name: 'nothing it reads is ignored', files: { '.gitignore': '*.env\n', 'app/kustomization.yaml': 'resources:\n  - secret.yaml\n', 'app/secret.yaml': externalSecret } },
    {
      name: 'a ! exception lets the file through',
      files: { '.gitignore': '**/secret.yaml\n!apps/app/secret.yaml\n', 'apps/app/kustomization.yaml': 'resources:\n  - secret.yaml\n', 'apps/app/secret.yaml': externalSecret },
    },
    { name: '.hctlignore only hides files from hctl', files: { '.hctlignore': 'secret.yaml\n', 'app/kustomization.yaml': 'resources:\n  - secret.yaml\n', 'app/secret.yaml': externalSecret } },
    { name: 'a remote base', files: { '.gitignore': '*\n!*/\n!*.yaml\n', 'app/kustomization.yaml': 'resources:\n  - https://github.com/org/repo//deploy?ref=v1.0.0\n' } },
  ],
  invalid: [
    {
      name: 'the seed 000 incident: a secret.yaml pattern swallows an ExternalSecret file',
      files: { '.gitignore': '**/secret.yaml\n', 'apps/app/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - secret.yaml\n', 'apps/app/deployment.yaml': deployment, 'apps/app/secret.yaml': externalSecret },
      errors: [{ file: 'apps/app/kustomization.yaml', line: 3, message: 'apps/app/secret.yaml is kept out of Git by .gitignore (**/secret.yaml in .gitignore)' }],
    },
    {
      name: 'a generator env file ignored by a nested .gitignore',
      files: { 'app/.gitignore': '*.env\n', 'app/kustomization.yaml': 'secretGenerator:\n  - name: creds\n    envs:\n      - creds.env\n    files:\n      - token=token.env\n', 'app/creds.env': 'A=1\n', 'app/token.env': 'x\n' },
      errors: [
        { line: 4, message: 'app/creds.env is kept out of Git by .gitignore (*.env in app/.gitignore)' },
        { line: 6, message: 'app/token.env is kept out of Git' },
      ],
    },
    {
      name: 'a whole directory ignored',
      files: { '.gitignore': 'private/\n', 'kustomization.yaml': 'resources:\n  - private\n', 'private/kustomization.yaml': 'resources:\n  - cm.yaml\n', 'private/cm.yaml': deployment },
      errors: [{ file: 'kustomization.yaml', line: 2, message: 'private is kept out of Git by .gitignore (private/ in .gitignore)' }],
    },
  ],
});
