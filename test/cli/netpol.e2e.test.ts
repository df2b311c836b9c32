import { afterEach, describe, expect, it } from 'vitest';
import type { NamespacePolicies } from '../../src/netpol/namespace-policies.js';
import type { Report } from '../../src/report/report.js';
import { exampleCluster } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { runCli, runCliAsync } from './run-cli.js';
import { validateReport } from './report-schema.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const netpolOf = (report: Report) => (report.details as { netpol: NamespacePolicies }).netpol;

describe('hctl netpol against an API server', () => {
  it('the bundled cluster\'s media namespace: default-deny ingress, sonarr admitted, radarr\'s port blocked — exit 1, from four lists', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['netpol', 'media', '--kubeconfig', file, '-f', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.findings.map((finding) => `${finding.rule} ${finding.resource?.name}`)).toEqual(['service-port-blocked radarr']);
    const view = netpolOf(report);
    expect(view.defaultDeny).toEqual({ ingress: ['default-deny-ingress'], egress: [] });
    expect(view.policies[1]).toEqual({ name: 'allow-sonarr', selects: 'app.kubernetes.io/name=sonarr', pods: 1, types: ['Ingress'], ingress: ['from all pods of namespaces kubernetes.io/metadata.name=ingress-nginx (ingress-nginx) on http/TCP'], egress: [] });
    expect(view.workloads.map((workload) => `${workload.name} ${workload.ingress} ${workload.egress} ${workload.dns}`)).toEqual(['Deployment jellyfin isolated open open', 'Deployment radarr isolated open open', 'Deployment sonarr isolated open open']);
    expect(view.services).toEqual([
      { name: 'sonarr', ports: [{ port: 8989, target: 'http', protocol: 'TCP', admitted: true }] },
      { name: 'radarr', ports: [{ port: 7878, target: 'http', protocol: 'TCP', admitted: false }] },
    ]);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
    expect(server.requests.map((request) => request.path.split('?')[0]).sort()).toEqual([
      '/api/v1/namespaces', '/api/v1/namespaces/media/pods', '/api/v1/namespaces/media/services', '/apis', '/apis/networking.k8s.io/v1/namespaces/media/networkpolicies', '/version',
    ]);
  });

  it('egress denied without DNS and a peer selected by a label no namespace has: exit 2, each named, DNS blocked in the text', async () => {
    const options = await exampleCluster();
    options.objects.NetworkPolicy!.push(
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-egress', namespace: 'media' }, spec: { podSelector: {}, policyTypes: ['Egress'] } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-prometheus', namespace: 'media' }, spec: { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { name: 'monitoring' } } }], ports: [{ port: 9090 }] }] } },
    );
    server = await startFakeApiServer(options);
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const json = JSON.parse((await runCliAsync(['netpol', 'media', '--kubeconfig', file, '-f', 'json'], { env })).stdout) as Report;
    expect(json.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.resource?.name}`)).toEqual([
      'critical netpol-dns-blocked default-deny-egress',
      'warning netpol-selector-unmatched allow-prometheus',
      'warning service-port-blocked radarr',
    ]);
    const text = await runCliAsync(['netpol', 'media', '--kubeconfig', file], { env });
    expect(text.status).toBe(2);
    expect(text.stdout).toContain('Egress     denied by default (default-deny-egress)');
    expect(text.stdout).toContain('Deployment sonarr (1 pod)  ingress isolated, egress isolated, DNS blocked');
    expect(text.stdout).toContain('ingress: from all pods of namespaces name=monitoring (matches no namespace) on 9090/TCP');
    expect(text.stdout.trim().split('\n').at(-1)).toBe('CRITICAL');
  });

  it('a namespace that does not exist exits 3 and lists those that do', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['netpol', 'medai', '--kubeconfig', file], { env });
    expect(result.status).toBe(3);
    expect(result.stderr).toBe('hctl netpol: namespace medai not found; namespaces: ai, databases, default, flux-system, ingress-nginx, kube-system, media, networking, photos, velero\n');
  });
});

describe('hctl netpol on a snapshot', () => {
  it('a namespace without policies is open both ways and healthy', () => {
    const result = runCli(['netpol', 'photos', '--snapshot', 'examples/cluster-snapshot', '-f', 'json']);
    expect(result.status).toBe(0);
    const view = netpolOf(JSON.parse(result.stdout) as Report);
    expect(view).toMatchObject({ namespace: 'photos', defaultDeny: { ingress: [], egress: [] }, policies: [], read: true });
    expect(runCli(['netpol', 'photos', '--snapshot', 'examples/cluster-snapshot']).stdout).toContain('none: every pod accepts and sends anything');
  });
});
