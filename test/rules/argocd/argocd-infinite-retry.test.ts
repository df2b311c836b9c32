import rule from '../../../src/rules/argocd/argocd-infinite-retry.js';
import { ruleTester } from '../../rule-tester.js';

const app = (limit: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: mcp-system\nspec:\n  syncPolicy:\n    retry:\n      limit: ${limit}\n      backoff:\n        duration: 5s\n`;

ruleTester(rule, {
  valid: [app('5'), 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: manual\nspec:\n  project: default\n'],
  invalid: [
    { code: app('-1'), errors: [{ line: 8, column: 14, message: 'retry limit is -1' }] },
    { name: 'in an ApplicationSet template', code: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: addons\nspec:\n  template:\n    spec:\n      syncPolicy:\n        retry:\n          limit: -1\n', errors: [{ line: 10 }] },
  ],
});
