import rule from '../../../src/rules/repo/templated-file.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'angle brackets in values, not names, are data', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeting\ndata:\n  html: "<b>hello</b> <name>"\n' },
    { name: 'an ApplicationSet with goTemplate strings parses and is checked', code: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\nspec:\n  template:\n    metadata:\n      name: "{{ .path.basename }}"\n' },
  ],
  invalid: [
    { files: { 'charts/app/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n' }, errors: [{ line: 1, file: 'charts/app/templates/deployment.yaml', severity: 'info' }] },
    {
      name: 'a starting point with <placeholder> names, once per file',
      files: { 'docs/backup-template.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: <pvc-name>-backup\n  namespace: <namespace>\nstringData:\n  RESTIC_PASSWORD: changeme\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n' },
      errors: [{ line: 1, file: 'docs/backup-template.yaml', severity: 'info', message: 'Unverified: a template with <placeholder> names' }],
    },
    { name: 'a Go template outside templates/ that does not parse', code: 'apiVersion: v1\nkind: ConfigMap\n{{- with .Values.meta }}\nmetadata: {{ toYaml . }}\n{{- end }}\n', errors: [{ line: 1 }] },
  ],
});
