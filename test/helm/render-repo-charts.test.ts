import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/repo/load.js';

const CHART = { 'apps/demo/Chart.yaml': 'apiVersion: v2\nname: demo\nversion: 0.1.0\n', 'apps/demo/values.yaml': 'users: [ada, alan]\nport: 8080\n' };

describe('chart templates in a loaded repository', () => {
  it('become the objects helm template makes, named after the chart directory and placed at their template lines', () => {
    const repo = loadFiles({
      ...CHART,
      'apps/demo/templates/users.yaml': '{{- range .Values.users }}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: user-{{ . }}\n  namespace: {{ $.Release.Namespace }}\ndata:\n  port: {{ $.Values.port | quote }}\n{{- end }}\n',
    });
    const file = repo.files.find((parsed) => parsed.file === 'apps/demo/templates/users.yaml')!;
    expect(file.templated).toBe(false);
    expect(repo.objects.map((object) => `${object.namespace}/${object.name}`)).toEqual(['demo/user-ada', 'demo/user-alan']);
    const second = repo.objects[1]!;
    expect(second.body.data).toEqual({ port: '8080' });
    expect(second.source?.locate(['data', 'port'])).toEqual({ file: 'apps/demo/templates/users.yaml', line: 9, column: 9 });
    expect(second.source?.locate(['metadata', 'name'], { key: true })).toEqual({ file: 'apps/demo/templates/users.yaml', line: 6, column: 3 });
  });

  it('keep their YAML problems, at the template line', () => {
    const repo = loadFiles({ ...CHART, 'apps/demo/templates/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {{ .Values.port }}\n  a: again\n' });
    const file = repo.files.find((parsed) => parsed.file === 'apps/demo/templates/bad.yaml')!;
    expect(file.problems).toEqual([expect.objectContaining({ kind: 'duplicate-key', line: 7 })]);
  });

  it('that do not render stay templated, with the reason at the template line', () => {
    const repo = loadFiles({ ...CHART, 'apps/demo/templates/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  key: {{ required "secretKey is required" .Values.secretKey }}\n' });
    const file = repo.files.find((parsed) => parsed.file === 'apps/demo/templates/secret.yaml')!;
    expect(file.templated).toBe('helm');
    expect(file.objects).toEqual([]);
    expect(file.templateProblem).toEqual({ message: 'this chart template does not render offline: error calling required: secretKey is required', line: 6, column: 11 });
  });

  it('whose values.yaml cannot be read (an alias inside its own anchor) stay templated, with the reason Helm gives', () => {
    const repo = loadFiles({ ...CHART, 'apps/demo/values.yaml': 'users: &users [*users]\n', 'apps/demo/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n' });
    const file = repo.files.find((parsed) => parsed.file === 'apps/demo/templates/cm.yaml')!;
    expect(file.templated).toBe('helm');
    expect(file.templateProblem?.message).toBe("this chart template does not render offline: the chart's apps/demo/values.yaml cannot be read as a YAML mapping (yaml: anchor value contains itself)");
  });

  it('that render nothing with the chart\'s values stay templated: the values that deploy them may make objects', () => {
    const repo = loadFiles({ ...CHART, 'apps/demo/templates/ingress.yaml': '{{- if .Values.ingress }}\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: demo\n{{- end }}\n' });
    const file = repo.files.find((parsed) => parsed.file === 'apps/demo/templates/ingress.yaml')!;
    expect(file.templated).toBe('helm');
    expect(file.templateProblem?.message).toMatch(/renders no object with the chart's values.yaml/);
  });

  it('outside a chart (no Chart.yaml) stay templated without rendering', () => {
    const repo = loadFiles({ 'roles/cilium/templates/pool.yaml': 'apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: {{ pool_name }}\n' });
    expect(repo.files[0]).toMatchObject({ templated: 'helm', objects: [] });
    expect(repo.files[0]!.templateProblem).toBeUndefined();
  });

  it('take the release and values of the one Argo CD Application that deploys the chart', () => {
    const application = (name: string, helm: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://example.org/repo.git\n    path: apps/demo\n    helm:\n${helm}\n  destination:\n    namespace: web\n`;
    const template = { 'apps/demo/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n  namespace: {{ .Release.Namespace }}\ndata:\n  users: {{ join "," .Values.users | quote }}\n  port: {{ .Values.port | quote }}\n' };
    const helm = '      releaseName: site\n      valueFiles: [values-prod.yaml, $values/other.yaml]\n      values: |\n        port: 9090\n      valuesObject:\n        users: [grace]';
    const one = loadFiles({ ...CHART, ...template, 'apps/demo/values-prod.yaml': 'users: [linus]\nport: 7070\n', 'argocd/demo.yaml': application('demo', helm) });
    const rendered = one.objects.find((object) => object.kind === 'ConfigMap')!;
    expect([rendered.name, rendered.namespace, rendered.body.data]).toEqual(['site', 'web', { users: 'grace', port: '9090' }]);
    // Two Applications deploying it differently: the chart's own values, named after the directory.
    const two = loadFiles({ ...CHART, ...template, 'argocd/a.yaml': application('a', '      releaseName: a'), 'argocd/b.yaml': application('b', '      releaseName: b') });
    const fallback = two.objects.find((object) => object.kind === 'ConfigMap')!;
    expect([fallback.name, fallback.namespace, fallback.body.data]).toEqual(['demo', 'demo', { users: 'ada,alan', port: '8080' }]);
  });

  it('keep the {{ }} of the objects they render (an ExternalSecret\'s own template)', () => {
    const repo = loadFiles({ ...CHART, 'apps/demo/templates/es.yaml': 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: {{ .Chart.Name }}\nspec:\n  target:\n    template:\n      data:\n        url: {{ `"{{ .host }}"` }}\n' });
    expect(repo.objects[0]?.body.spec).toEqual({ target: { template: { data: { url: '{{ .host }}' } } } });
  });
});
