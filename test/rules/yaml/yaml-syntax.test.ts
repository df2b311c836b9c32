import rule from '../../../src/rules/yaml/yaml-syntax.js';
import { ruleTester } from '../../rule-tester.js';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\ndata:\n  key: value\n',
    { name: 'a Helm template is templated, not a syntax error', files: { 'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\ndata: {}\n{{- end }}\n' } },
    { name: 'an Ansible/Jinja template that does not parse is templated', code: 'pools:\n{% for pool in pools %}\n  - {{ pool }}\n{% endfor %}\n' },
  ],
  invalid: [
    {
      name: 'a bad indent',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\n   labels: x\n',
      errors: [{ line: 4, column: 9, message: 'YAML syntax error' }],
    },
    {
      name: 'an alias bomb is rejected at its document',
      code: 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
      errors: [{ line: 1, message: /aliases/ }],
    },
    {
      name: 'only the broken document of a multi-document file',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n',
      errors: [{ line: 9 }],
    },
  ],
});
