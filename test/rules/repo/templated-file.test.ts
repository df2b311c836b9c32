import rule from '../../../src/rules/repo/templated-file.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'an ApplicationSet with goTemplate strings parses and is checked', code: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\nspec:\n  template:\n    metadata:\n      name: "{{ .path.basename }}"\n' },
  ],
  invalid: [
    { files: { 'charts/app/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n' }, errors: [{ line: 1, file: 'charts/app/templates/deployment.yaml', severity: 'info' }] },
    { name: 'a Go template outside templates/ that does not parse', code: 'apiVersion: v1\nkind: ConfigMap\n{{- with .Values.meta }}\nmetadata: {{ toYaml . }}\n{{- end }}\n', errors: [{ line: 1 }] },
  ],
});
