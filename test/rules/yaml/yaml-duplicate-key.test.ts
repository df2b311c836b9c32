import rule from '../../../src/rules/yaml/yaml-duplicate-key.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: ['apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: airflow\nspec:\n  targetNamespace: airflow\n'],
  invalid: [
    {
      name: 'the duplicate targetNamespace of the 2025-06-12 incident',
      code: 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: airflow\nspec:\n  targetNamespace: airflow\n  interval: 1h\n  targetNamespace: data\n',
      errors: [{ line: 8, column: 3, message: '"targetNamespace" appears twice' }],
    },
  ],
});
