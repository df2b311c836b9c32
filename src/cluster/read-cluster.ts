import pLimit from 'p-limit';
import { ApiError, ConnectionError, type ApiClient } from './api-client.js';
import type { ClusterState, LiveObject, ReadOutcome, VolumeStats } from './cluster-state.js';
import { discover, listPath, servedVersion, type Discovery } from './discovery.js';
import { listAll } from './list-all.js';
import { ETCD_METRICS, NODE_STATS, RESOURCE_TYPES } from './resources.js';
import { trimObject } from './trim-object.js';

/** The cluster cannot be read at all (unreachable, credentials rejected): the run cannot happen. */
export class ClusterUnavailable extends Error {
  override name = 'ClusterUnavailable';
}

export interface ReadOptions {
  /** Kinds and sources (etcd-metrics, node-stats) the chosen checks need. */
  reads: ReadonlySet<string>;
  /** Lists (and node proxies) in flight at once. */
  concurrency: number;
  context?: string;
}

/** The lines of /metrics health needs; the rest (thousands of series) is not kept. */
const ETCD_SERIES = /^(apiserver_storage_size_bytes|apiserver_storage_db_total_size_in_bytes|etcd_db_total_size_in_bytes|etcd_server_quota_backend_bytes|etcd_server_leader_changes_seen_total|etcd_server_has_leader)[{ ]/;

/**
 * Reads what the chosen domains need: each kind listed once, cluster-wide, with bounded
 * concurrency. A kind that is not installed, forbidden or failing is recorded, not fatal.
 */
export async function readCluster(client: ApiClient, options: ReadOptions): Promise<ClusterState> {
  const takenAt = new Date().toISOString();
  const { version, discovery } = await readServer(client);
  const limit = pLimit(options.concurrency);
  const objects = new Map<string, LiveObject[]>();
  const reads = new Map<string, ReadOutcome>();
  // Node stats are read through the nodes, so they need the node list.
  const wanted = RESOURCE_TYPES.filter((type) => options.reads.has(type.kind) || (type.kind === 'Node' && options.reads.has(NODE_STATS)));

  const lists = wanted.map((type) =>
    limit(async () => {
      const served = servedVersion(discovery, type);
      if (!served) {
        const versions = discovery.groups[type.group];
        const message = versions
          ? `${type.group} serves ${versions.join(', ')}, none of which hctl reads (${type.versions.join(', ')})`
          : `the API group ${type.group} is not served (not installed)`;
        reads.set(type.kind, { state: 'not-installed', message });
        return;
      }
      const apiVersion = type.group ? `${type.group}/${served}` : served;
      try {
        const items = await listAll(client, listPath(type, served), type.fieldSelector ? { fieldSelector: type.fieldSelector } : {});
        objects.set(type.kind, items.map((item) => trimObject(item, apiVersion, type.kind)));
        reads.set(type.kind, { state: 'read', count: items.length });
      } catch (error) {
        if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
        reads.set(type.kind, outcomeOf(error, `list ${type.plural}`));
      }
    }),
  );
  const metrics = options.reads.has(ETCD_METRICS) ? limit(() => readEtcdMetrics(client)) : undefined;
  await Promise.all(lists);

  const state: ClusterState = {
    takenAt,
    ...(options.context ? { context: options.context } : {}),
    server: client.server,
    ...(version.gitVersion ? { serverVersion: version.gitVersion } : {}),
    apiGroups: discovery.groups,
    objects,
    reads,
  };
  if (metrics) {
    const result = await metrics;
    reads.set(ETCD_METRICS, result.outcome);
    if (result.text !== undefined) state.etcdMetrics = result.text;
  }
  if (options.reads.has(NODE_STATS)) {
    const stats = await readVolumeStats(client, objects.get('Node'), reads.get('Node'), limit);
    reads.set(NODE_STATS, stats.outcome);
    if (stats.volumes) state.volumeStats = stats.volumes;
  }
  return state;
}

/** The server's version and API groups: the first requests, and the ones that tell whether the cluster can be read at all. */
export async function readServer(client: ApiClient): Promise<{ version: { gitVersion?: string }; discovery: Discovery }> {
  try {
    return { version: await client.getJson<{ gitVersion?: string }>('/version'), discovery: await discover(client) };
  } catch (error) {
    throw new ClusterUnavailable(unavailableMessage(client, error));
  }
}

async function readEtcdMetrics(client: ApiClient): Promise<{ outcome: ReadOutcome; text?: string }> {
  try {
    const text = await client.getText('/metrics');
    const lines = text.split('\n').filter((line) => ETCD_SERIES.test(line));
    return { outcome: { state: 'read', count: lines.length }, text: lines.join('\n') };
  } catch (error) {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
    return { outcome: outcomeOf(error, 'read the API server /metrics') };
  }
}

interface StatsSummary {
  pods?: { volume?: { pvcRef?: { name: string; namespace: string }; usedBytes?: number; capacityBytes?: number }[] }[];
}

/** PVC usage as each Ready node's kubelet reports it, through the API server's node proxy. */
async function readVolumeStats(
  client: ApiClient,
  nodes: LiveObject[] | undefined,
  nodeRead: ReadOutcome | undefined,
  limit: ReturnType<typeof pLimit>,
): Promise<{ outcome: ReadOutcome; volumes?: VolumeStats[] }> {
  if (!nodes) return { outcome: { state: 'failed', message: `needs the node list, which was not read (${nodeRead?.state ?? 'skipped'})` } };
  const ready = nodes.filter((node) => (node.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True'));
  const volumes = new Map<string, VolumeStats>();
  const failures: ReadOutcome[] = [];
  await Promise.all(
    ready.map((node) =>
      limit(async () => {
        try {
          for (const stats of await nodeVolumeStats(client, node.metadata.name)) volumes.set(`${stats.namespace}/${stats.claim}`, stats);
        } catch (error) {
          if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
          failures.push(outcomeOf(error, `read node ${node.metadata.name} stats through the API server proxy`));
        }
      }),
    ),
  );
  if (ready.length > 0 && failures.length === ready.length) return { outcome: failures[0]! };
  return { outcome: { state: 'read', count: ready.length - failures.length }, volumes: [...volumes.values()] };
}

/** PVC usage on one node, as its kubelet reports it through the API server's node proxy. */
export async function nodeVolumeStats(client: ApiClient, node: string): Promise<VolumeStats[]> {
  const summary = await client.getJson<StatsSummary>(`/api/v1/nodes/${encodeURIComponent(node)}/proxy/stats/summary`);
  const volumes: VolumeStats[] = [];
  for (const pod of summary.pods ?? []) {
    for (const volume of pod.volume ?? []) {
      if (!volume.pvcRef || volume.usedBytes === undefined || !volume.capacityBytes) continue;
      volumes.push({ node, namespace: volume.pvcRef.namespace, claim: volume.pvcRef.name, usedBytes: volume.usedBytes, capacityBytes: volume.capacityBytes });
    }
  }
  return volumes;
}

export function outcomeOf(error: unknown, action: string): ReadOutcome {
  if (error instanceof ApiError && error.status === 403) return { state: 'forbidden', message: `not allowed to ${action}: ${error.message}` };
  if (error instanceof ApiError && error.status === 404) return { state: 'not-installed', message: `${action}: not found (${error.message})` };
  return { state: 'failed', message: `could not ${action}: ${(error as Error).message}` };
}

/** Credentials rejected: nothing else will work either. */
export function isFatal(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export function unavailableMessage(client: ApiClient, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return `${client.server} rejected the credentials (401 Unauthorized): the token or client certificate in the kubeconfig is wrong or expired`;
  if (error instanceof ApiError && error.status === 403) return `${client.server} refused API discovery (403): ${error.message}; check the kubeconfig's user`;
  if (error instanceof ConnectionError) return error.message;
  return `cannot read ${client.server}: ${(error as Error).message}`;
}
