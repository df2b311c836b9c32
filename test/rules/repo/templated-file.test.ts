import rule from '../../../src/rules/repo/templated-file.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'angle brackets in values, not names, are data', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: greeting\ndata:\n  html: "<b>hello</b> <name>"\n' },
    {
      name: 'a chart template that renders offline is checked, not reported',
      files: { 'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n', 'charts/app/values.yaml': 'name: web\n', 'charts/app/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n' },
    },
    { name: 'an ApplicationSet with goTemplate strings parses and is checked', code: 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\nspec:\n  template:\n    metadata:\n      name: "{{ .path.basename }}"\n' },
  ],
  invalid: [
    { files: { 'charts/app/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "app.fullname" . }}\n' }, errors: [{ line: 1, file: 'charts/app/templates/deployment.yaml', severity: 'info' }] },
    {
      name: 'a starting point with <placeholder> names, once per file',
      files: { 'docs/backup-template.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: <pvc-name>-backup\n  namespace: <namespace>\nstringData:\n  RESTIC_PASSWORD: changeme\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n' },
      errors: [{ line: 1, file: 'docs/backup-template.yaml', severity: 'info', message: 'Unverified: a template with <placeholder> names' }],
    },
    {
      name: 'a chart template that does not render offline, at the failing action, with the chart\'s message',
      files: {
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'charts/app/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  token: {{ required "token is required" .Values.token }}\n',
      },
      errors: [{ line: 6, column: 13, file: 'charts/app/templates/secret.yaml', severity: 'info', message: 'Unverified: this chart template does not render offline: error calling required: token is required' }],
    },
    { name: 'a Go template outside templates/ that does not parse', code: 'apiVersion: v1\nkind: ConfigMap\n{{- with .Values.meta }}\nmetadata: {{ toYaml . }}\n{{- end }}\n', errors: [{ line: 1 }] },
  ],
});
