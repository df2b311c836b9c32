import rule from '../../../src/rules/argocd/argocd-no-selfheal.js';
import { ruleTester } from '../../rule-tester.js';

const app = (automated: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: vault\nspec:\n  syncPolicy:\n${automated}`;

ruleTester(rule, {
  valid: [
    app('    automated:\n      prune: true\n      selfHeal: true\n'),
    { name: 'manual sync is a choice, not drift', code: app('    syncOptions:\n      - CreateNamespace=true\n') },
    { name: 'automation switched off', code: app('    automated:\n      enabled: false\n') },
  ],
  invalid: [
    { code: app('    automated:\n      prune: true\n'), errors: [{ line: 7, column: 5, message: 'without selfHeal' }] },
    { name: 'automated: {}', code: app('    automated: {}\n'), errors: [{ line: 7 }] },
  ],
});
