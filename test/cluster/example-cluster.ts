import { readFileSync } from 'node:fs';
import { readSnapshot } from '../../src/cluster/snapshot.js';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import type { FakeClusterOptions } from './fake-api-server.js';

const EXAMPLE = new URL('../../examples/cluster-snapshot/', import.meta.url).pathname;
const pem = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url)).toString('base64');

/** A TLS Secret as the API server returns it: with data and a last-applied copy of it. */
export const TLS_KEY_BASE64 = pem('server.key');
const tlsSecret: LiveObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    name: 'wildcard-home-tls',
    namespace: 'networking',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ data: { 'tls.key': TLS_KEY_BASE64 } }) },
  },
  type: 'kubernetes.io/tls',
  data: { 'tls.crt': pem('server.crt'), 'tls.key': TLS_KEY_BASE64 },
};
const opaqueSecret: LiveObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db-password', namespace: 'databases' }, type: 'Opaque', data: { password: 'aHVudGVyMg==' } };

/**
 * The bundled example snapshot (a crash-looping pod, a NotReady node, a failing Flux
 * Kustomization…) served by the fake API server, so live and snapshot runs judge the same cluster.
 */
export async function exampleCluster(overrides: Partial<FakeClusterOptions> = {}): Promise<FakeClusterOptions> {
  const state = await readSnapshot(EXAMPLE);
  const objects: Record<string, LiveObject[]> = Object.fromEntries(state.objects);
  objects.Secret = [tlsSecret, opaqueSecret];
  const groups = Object.fromEntries(Object.entries(state.apiGroups).filter(([name]) => name !== ''));
  return {
    gitVersion: state.serverVersion!,
    groups,
    objects,
    tokens: { 'admin-token': {} },
    metrics: `# HELP apiserver_storage_size_bytes Size of the storage database file physically allocated in bytes.\n# TYPE apiserver_storage_size_bytes gauge\n${state.etcdMetrics}\napiserver_request_total{code="200",verb="GET"} 1234\n`,
    stats: Object.fromEntries(
      ['cp-1', 'worker-1'].map((node) => [
        node,
        {
          node: { nodeName: node },
          pods: (state.volumeStats ?? [])
            .filter((volume) => volume.node === node)
            .map((volume) => ({
              podRef: { name: `${volume.claim}-pod`, namespace: volume.namespace },
              volume: [{ name: 'data', pvcRef: { name: volume.claim, namespace: volume.namespace }, usedBytes: volume.usedBytes, capacityBytes: volume.capacityBytes }],
            })),
        },
      ]),
    ),
    ...overrides,
  };
}

/** What the built-in `view` ClusterRole cannot read: cluster-scoped kinds, Secrets, /metrics and node proxies. */
export const VIEW_ROLE_FORBIDDEN = ['nodes', 'persistentvolumes', 'storageclasses', 'secrets', 'metrics', 'nodes/proxy'];
