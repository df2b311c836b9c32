import { describe, expect, it } from 'vitest';
import { loadChart, ChartLoadError } from '../../src/helm/chart.js';
import { memoryChartFiles } from '../../src/helm/chart-files.js';
import { renderChart, type ReleaseOptions } from '../../src/helm/render-chart.js';

const release: ReleaseOptions = { name: 'demo', namespace: 'apps', kubernetesVersion: '1.35', hasApiVersion: (version) => version === 'monitoring.coreos.com/v1' };

function rendered(files: Record<string, string>, options: Partial<ReleaseOptions> = {}): Record<string, string> {
  const source = memoryChartFiles(files);
  const outputs = renderChart(loadChart(source, 'chart'), source, { ...release, ...options });
  return Object.fromEntries([...outputs].map(([file, output]) => [file, output.ok ? output.text : `ERROR ${output.error.reason}`]));
}

const CHART = 'apiVersion: v2\nname: demo-chart\nversion: 1.2.3\nappVersion: "4.5"\n';

describe('renderChart', () => {
  it('renders with the release, the chart metadata, the capabilities and helpers', () => {
    const out = rendered({
      'chart/Chart.yaml': CHART,
      'chart/values.yaml': 'replicas: 2\nimage: {repository: app, tag: ""}\n',
      'chart/templates/_helpers.tpl': '{{- define "demo.fullname" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end }}',
      'chart/templates/deploy.yaml':
        'name: {{ include "demo.fullname" . }}\nnamespace: {{ .Release.Namespace }}\nimage: {{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}\nreplicas: {{ .Values.replicas }}\nkube: {{ .Capabilities.KubeVersion.Version }}\nmonitor: {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}\ntemplate: {{ .Template.Name }}\n',
      'chart/templates/NOTES.txt': 'Thanks for installing {{ .Chart.Name }}',
    });
    expect(out).toEqual({
      'chart/templates/deploy.yaml': 'name: demo-demo-chart\nnamespace: apps\nimage: app:4.5\nreplicas: 2\nkube: v1.35.0\nmonitor: true\ntemplate: demo-chart/templates/deploy.yaml\n',
    });
  });

  it('lays the given values over the chart\'s, a null removing a default', () => {
    const out = rendered({ 'chart/Chart.yaml': CHART, 'chart/values.yaml': 'a: {p: 1, q: 2}\nb: keep\n', 'chart/templates/v.yaml': '{{ toYaml .Values }}' }, { values: { a: { q: 3 }, b: null } });
    expect(out['chart/templates/v.yaml']).toBe('a:\n  p: 1\n  q: 3');
  });

  it('renders local subcharts with their values under the parent\'s, globals, and conditions', () => {
    const out = rendered({
      'chart/Chart.yaml': `${CHART}dependencies:\n  - name: db\n    version: 1.0.0\n    repository: file://../db\n    condition: db.enabled\n  - name: cache\n    version: 2.0.0\n    repository: https://charts.example.org\n`,
      'chart/values.yaml': 'global: {domain: example.org}\ndb: {enabled: true, size: 5Gi}\n',
      'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n',
      'db/values.yaml': 'size: 1Gi\nclass: fast\n',
      'db/templates/pvc.yaml': 'size: {{ .Values.size }}\nclass: {{ .Values.class }}\ndomain: {{ .Values.global.domain }}\nchart: {{ .Chart.Name }}\n',
    });
    expect(out['db/templates/pvc.yaml']).toBe('size: 5Gi\nclass: fast\ndomain: example.org\nchart: db\n');
    const disabled = rendered({ 'chart/Chart.yaml': `${CHART}dependencies:\n  - name: db\n    repository: file://../db\n    condition: db.enabled\n`, 'chart/values.yaml': 'db: {enabled: false}\n', 'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 1.0.0\n', 'db/templates/pvc.yaml': 'x: 1\n' });
    expect(disabled).toEqual({});
    const source = memoryChartFiles({ 'chart/Chart.yaml': `${CHART}dependencies:\n  - name: cache\n    version: 2.0.0\n    repository: https://charts.example.org\n` });
    expect(loadChart(source, 'chart').remoteDependencies).toEqual(['cache 2.0.0 from https://charts.example.org']);
  });

  it('reads the chart\'s files: Get, Glob, AsConfig and ranging over them', () => {
    const out = rendered({
      'chart/Chart.yaml': CHART,
      'chart/files/a.conf': 'alpha\n',
      'chart/files/b.conf': 'beta\n',
      'chart/templates/cm.yaml': 'data:\n{{ (.Files.Glob "files/*.conf").AsConfig | indent 2 }}\nfirst: {{ .Files.Get "files/a.conf" | trim }}\nnames:{{ range $path, $_ := .Files.Glob "files/*" }} {{ base $path }}{{ end }}\n',
    });
    expect(out['chart/templates/cm.yaml']).toBe('data:\n  a.conf: |\n    alpha\n  b.conf: |\n    beta\nfirst: alpha\nnames: a.conf b.conf\n');
  });

  it('includes a template by its Helm name', () => {
    const out = rendered({ 'chart/Chart.yaml': CHART, 'chart/templates/cm.yaml': 'x: 1\n', 'chart/templates/job.yaml': 'checksum: {{ include (print $.Template.BasePath "/cm.yaml") . | sha256sum | trunc 8 }}\n' });
    expect(out['chart/templates/job.yaml']).toMatch(/^checksum: [0-9a-f]{8}\n$/);
  });

  it('a failing template does not stop the others, and says where it failed', () => {
    const source = memoryChartFiles({ 'chart/Chart.yaml': CHART, 'chart/templates/ok.yaml': 'a: 1\n', 'chart/templates/bad.yaml': 'a: 1\nb: {{ required "b is required" .Values.b }}\n' });
    const outputs = renderChart(loadChart(source, 'chart'), source, release);
    expect(outputs.get('chart/templates/ok.yaml')).toMatchObject({ ok: true, text: 'a: 1\n' });
    expect(outputs.get('chart/templates/bad.yaml')).toMatchObject({ ok: false, error: { reason: 'error calling required: b is required', template: 'chart/templates/bad.yaml', line: 2, column: 7 } });
  });

  it('a chart without a name is refused with the file to fix', () => {
    expect(() => loadChart(memoryChartFiles({ 'chart/Chart.yaml': 'apiVersion: v2\n' }), 'chart')).toThrow(ChartLoadError);
  });
});
