import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient, ConnectionError } from '../../src/cluster/api-client.js';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import { ClusterUnavailable, readCluster } from '../../src/cluster/read-cluster.js';
import { ETCD_METRICS, NODE_STATS, RESOURCE_TYPES } from '../../src/cluster/resources.js';
import { defaultConfig } from '../../src/config/config.js';
import { checkCluster } from '../../src/engine/check-cluster.js';
import { HEALTH_DOMAINS } from '../../src/cluster/resources.js';
import { exampleCluster, TLS_KEY_BASE64, VIEW_ROLE_FORBIDDEN } from './example-cluster.js';
import { kubeconfigFor, startFakeApiServer, type FakeApiServer, type FakeClusterOptions } from './fake-api-server.js';

const EVERYTHING = new Set([...RESOURCE_TYPES.map((type) => type.kind), ETCD_METRICS, NODE_STATS]);
let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function clientFor(url: string, auth: { token: string } | { clientCertificate: true }, timeoutMs = 5000): ApiClient {
  const config = new KubeConfig();
  config.loadFromString(kubeconfigFor(url, auth));
  return new ApiClient(config, url, { timeoutMs, concurrency: 4 });
}

async function read(options: FakeClusterOptions, auth: { token: string } | { clientCertificate: true } = { token: 'admin-token' }) {
  server = await startFakeApiServer(options);
  const client = clientFor(server.url, auth);
  try {
    return await readCluster(client, { reads: EVERYTHING, concurrency: 4 });
  } finally {
    client.close();
  }
}

function manyPods(count: number): LiveObject[] {
  return Array.from({ length: count }, (_, index) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${index}`, namespace: 'apps', managedFields: [{ manager: 'kubelet' }] } as LiveObject['metadata'],
    status: { phase: 'Running' },
  }));
}

describe('reading a cluster', () => {
  it('reads every kind over TLS with the kubeconfig CA and a bearer token, sending only GETs', async () => {
    const state = await read(await exampleCluster());
    expect(state.serverVersion).toBe('v1.32.3+k3s1');
    expect(state.objects.get('Node')?.map((node) => node.metadata.name)).toEqual(['cp-1', 'worker-1', 'worker-2']);
    expect(state.objects.get('Kustomization')?.[1]).toMatchObject({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps' } });
    expect(state.reads.get('Application')).toMatchObject({ state: 'not-installed' });
    expect(state.volumeStats).toContainEqual(expect.objectContaining({ namespace: 'media', claim: 'sonarr-config' }));
    expect(state.etcdMetrics).toContain('apiserver_storage_size_bytes');
    expect(state.etcdMetrics).not.toContain('apiserver_request_total');
    expect(server!.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('authenticates with the client certificate from the kubeconfig', async () => {
    const state = await read(await exampleCluster({ tokens: {}, certificateUsers: { jane: {} } }), { clientCertificate: true });
    expect(state.reads.get('Pod')).toEqual({ state: 'read', count: 9 });
    expect(server!.requests.every((request) => request.user === 'jane')).toBe(true);
  });

  it('pages through long lists with limit and continue, and drops managedFields', async () => {
    const state = await read(await exampleCluster({ objects: { Pod: manyPods(1200) } }));
    expect(state.objects.get('Pod')).toHaveLength(1200);
    expect(state.objects.get('Pod')![0]!.metadata).not.toHaveProperty('managedFields');
    const podRequests = server!.requests.filter((request) => request.path.startsWith('/api/v1/pods'));
    expect(podRequests).toHaveLength(3);
    expect(podRequests.filter((request) => request.path.includes('continue=')).length).toBe(2);
  });

  it('starts a list over when its continue token has expired (410 Gone)', async () => {
    const state = await read(await exampleCluster({ objects: { Pod: manyPods(1200) }, expireFirstContinue: true }));
    expect(state.objects.get('Pod')).toHaveLength(1200);
    const podRequests = server!.requests.filter((request) => request.path.startsWith('/api/v1/pods'));
    expect(podRequests.filter((request) => !request.path.includes('continue='))).toHaveLength(2);
  });

  it('keeps only the certificate facts of TLS Secrets, never their data', async () => {
    const state = await read(await exampleCluster());
    const secrets = state.objects.get('Secret')!;
    expect(secrets.map((secret) => secret.metadata.name)).toEqual(['wildcard-home-tls']);
    expect(secrets[0]).toMatchObject({ certificate: { subject: 'CN=kube-apiserver' } });
    expect(JSON.stringify(secrets)).not.toContain(TLS_KEY_BASE64.slice(0, 40));
    expect(secrets[0]).not.toHaveProperty('data');
  });

  it('as a user bound to view: forbidden kinds are recorded, the rest is read and judged', async () => {
    const options = await exampleCluster({ tokens: { 'viewer-token': { forbidden: VIEW_ROLE_FORBIDDEN } } });
    const state = await read(options, { token: 'viewer-token' });
    for (const kind of ['Node', 'PersistentVolume', 'StorageClass', 'Secret', ETCD_METRICS]) expect(state.reads.get(kind)?.state).toBe('forbidden');
    expect(state.reads.get(NODE_STATS)?.state).not.toBe('read');
    expect(state.objects.get('Pod')).toHaveLength(9);
    const report = checkCluster(state, { config: defaultConfig(), domains: HEALTH_DOMAINS, version: 'test', source: { type: 'cluster', location: 'fake' } });
    expect(report.status).toBe('critical');
    const skipped = report.findings.filter((finding) => finding.rule === 'read-skipped');
    expect(skipped.map((finding) => finding.resource?.kind).sort()).toEqual(['Node', 'PersistentVolume', 'Secret', 'StorageClass', ETCD_METRICS, NODE_STATS].sort());
    expect(skipped.find((finding) => finding.resource?.kind === 'Node')?.message).toMatch(/forbidden.*nodes is forbidden: User "viewer-token" cannot list resource "nodes"/);
    expect(report.findings.some((finding) => finding.rule === 'pod-crash-looping')).toBe(true);
  });

  it('rejected credentials (401) stop the run with a clear reason', async () => {
    server = await startFakeApiServer(await exampleCluster());
    const client = clientFor(server.url, { token: 'wrong' });
    await expect(readCluster(client, { reads: EVERYTHING, concurrency: 4 })).rejects.toThrow(ClusterUnavailable);
    await expect(readCluster(client, { reads: EVERYTHING, concurrency: 4 })).rejects.toThrow(/rejected the credentials \(401 Unauthorized\)/);
    client.close();
  });

  it('a server that never answers fails within the request timeout', async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const client = clientFor(url, { token: 'x' }, 300);
    const started = Date.now();
    await expect(client.getJson('/version')).rejects.toThrow(ConnectionError);
    expect(Date.now() - started).toBeLessThan(2000);
    client.close();
    silent.close();
  });

  it('a closed port is reported as connection refused', async () => {
    const client = clientFor('https://127.0.0.1:1', { token: 'x' });
    await expect(readCluster(client, { reads: EVERYTHING, concurrency: 4 })).rejects.toThrow(/cannot reach https:\/\/127\.0\.0\.1:1: connection refused/);
  });
});
