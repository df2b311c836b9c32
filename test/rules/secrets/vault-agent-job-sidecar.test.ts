import rule from '../../../src/rules/secrets/vault-agent-job-sidecar.js';
import { ruleTester } from '../../rule-tester.js';

const cronJob = (annotations: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n${annotations}        spec:\n          containers:\n            - name: backup\n              image: postgres:16\n`;

ruleTester(rule, {
  valid: [
    cronJob('            vault.hashicorp.com/agent-inject: "true"\n            vault.hashicorp.com/agent-pre-populate-only: "true"\n'),
    { name: 'a Deployment may keep the sidecar', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    metadata:\n      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n    spec:\n      containers: []\n' },
  ],
  invalid: [
    { code: cronJob('            vault.hashicorp.com/agent-inject: "true"\n            vault.hashicorp.com/role: taskapp\n'), errors: [{ line: 12, column: 13, message: 'never completes' }] },
    { name: 'a Job', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    metadata:\n      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n    spec:\n      containers: []\n', errors: [{ line: 9 }] },
  ],
});
