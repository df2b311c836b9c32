import pLimit from 'p-limit';
import { ApiError, type ApiClient } from '../cluster/api-client.js';
import type { LiveObject, VolumeStats } from '../cluster/cluster-state.js';
import { isFatal, nodeVolumeStats, outcomeOf, readServer, ClusterUnavailable, unavailableMessage } from '../cluster/read-cluster.js';
import { NODE_STATS, resourceType } from '../cluster/resources.js';
import { TargetedReader } from '../cluster/targeted-reader.js';
import { listAll } from '../cluster/list-all.js';
import { trimObject } from '../cluster/trim-object.js';
import { UsageError } from '../config/errors.js';
import { containerStatuses } from '../k8s/container-statuses.js';
import { gitopsOwnerOf } from '../k8s/gitops-owner.js';
import { apiGroup } from '../repo/object.js';
import { choosePod, type ContainerLog, type Lookup, type PodEvidence } from './pod-evidence.js';
import { podReferences } from './pod-references.js';

/** How the node's events read, among the pod's reads (`unread` says so when they could not be). */
const NODE_EVENTS = 'node events';

export interface PodReadOptions {
  concurrency: number;
  context?: string;
  /** Lines of each container's log to read; 0 reads none. */
  tailLines: number;
}

/** Workload kinds followed up a pod's controller chain (a CloudNativePG Cluster or other operator is named, not read). */
const WORKLOAD_KINDS = new Set(['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
/** A log line longer than this is cut: a minified JSON blob says nothing more at 64 KiB. */
const LOG_BYTES = 64 * 1024;

/**
 * Reads one pod and what explains it, in two rounds of parallel requests: the pod, then its node,
 * owners, events, claims, referenced ConfigMaps and Secrets (keys only), Services, EndpointSlices,
 * NetworkPolicies, the Flux or Argo CD object that applied it, and its containers' last log lines.
 */
export async function readPodEvidence(client: ApiClient, target: { namespace: string; name: string }, options: PodReadOptions): Promise<PodEvidence> {
  const takenAt = new Date().toISOString();
  const { version, discovery } = await readServer(client);
  const reader = new TargetedReader(client, discovery, pLimit(options.concurrency));
  const { pod, resolvedFrom } = await findPod(client, reader, target);
  const namespace = pod.metadata.namespace ?? target.namespace;
  const references = podReferences(pod);
  const claims = [...new Set(references.filter((reference) => reference.kind === 'PersistentVolumeClaim').map((reference) => reference.name))];
  const lookups = new Map<string, Lookup>();
  const nodeName: string | undefined = pod.spec?.nodeName;
  const volumeStats: VolumeStats[] = [];
  const nodeEvents: LiveObject[] = [];

  const [, , logs] = await Promise.all([
    Promise.all([
      nodeName ? reader.get('Node', undefined, nodeName) : undefined,
      pod.status?.phase === 'Running' ? reader.get('PodMetrics', namespace, pod.metadata.name) : undefined,
      reader.get('Namespace', undefined, namespace),
      reader.list('Event', namespace),
      reader.list('Service', namespace),
      reader.list('EndpointSlice', namespace),
      reader.list('NetworkPolicy', namespace),
      reader.list('CiliumNetworkPolicy', namespace),
      reader.list('CiliumClusterwideNetworkPolicy', undefined),
      reader.list('ExternalSecret', namespace),
      ...claims.map((claim) => reader.get('PersistentVolumeClaim', namespace, claim)),
      ...references
        .filter((reference) => reference.kind !== 'PersistentVolumeClaim')
        .map((reference) => `${reference.kind}/${reference.name}`)
        .filter((key, index, keys) => keys.indexOf(key) === index)
        .map(async (key) => lookups.set(key, await lookup(client, reader, namespace, key))),
      nodeName && claims.length > 0 ? readVolumeStats(client, reader, nodeName, namespace, claims, volumeStats) : undefined,
      nodeName ? readNodeEvents(client, reader, nodeName, nodeEvents) : undefined,
    ]),
    readOwners(reader, pod).then((top) => readGitOpsOwners(reader, [top, pod])),
    options.tailLines > 0 ? readLogs(reader, pod, options.tailLines) : Promise.resolve(undefined),
  ]);

  const state = reader.state({
    takenAt,
    ...(options.context ? { context: options.context } : {}),
    server: client.server,
    ...(version.gitVersion ? { serverVersion: version.gitVersion } : {}),
  });
  state.objects.set('Pod', [pod]);
  state.reads.set('Pod', { state: 'read', count: 1 });
  if (volumeStats.length > 0) state.volumeStats = volumeStats;
  // Beside the namespace's events, not through the reader: a user who may not list events in `default` still sees the pod's own.
  const events = new Map([...(state.objects.get('Event') ?? []), ...nodeEvents].map((event) => [`${event.metadata.namespace}/${event.metadata.name}`, event]));
  state.objects.set('Event', [...events.values()]);
  return { state, pod, ...(resolvedFrom ? { resolvedFrom } : {}), lookups, ...(logs ? { logs } : {}) };
}

/** The pod by name, or the one pod whose name begins with it; a missing pod is a usage error listing what there is. */
async function findPod(client: ApiClient, reader: TargetedReader, target: { namespace: string; name: string }): Promise<{ pod: LiveObject; resolvedFrom?: string }> {
  const path = `/api/v1/namespaces/${encodeURIComponent(target.namespace)}/pods`;
  try {
    const raw = await client.getJson<Record<string, any>>(`${path}/${encodeURIComponent(target.name)}`);
    return { pod: trimObject(raw, 'v1', 'Pod') };
  } catch (error) {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
    if (!(error instanceof ApiError) || error.status !== 404) throw new UsageError(`cannot read pod ${target.namespace}/${target.name}: ${(error as Error).message}`);
  }
  const pods = await reader.list('Pod', target.namespace);
  return choosePod(pods, target.namespace, target.name);
}

/** A ConfigMap's or Secret's keys, never its values (a Secret's data is dropped as soon as it arrives). */
async function lookup(client: ApiClient, reader: TargetedReader, namespace: string, key: string): Promise<Lookup> {
  const [kind, name] = key.split('/') as [string, string];
  const plural = resourceType(kind)!.plural;
  try {
    const object = JSON.parse(await reader.text(`/api/v1/namespaces/${encodeURIComponent(namespace)}/${plural}/${encodeURIComponent(name)}`)) as { data?: object; binaryData?: object; stringData?: object };
    return { state: 'found', keys: [...Object.keys(object.data ?? {}), ...Object.keys(object.binaryData ?? {})].sort() };
  } catch (error) {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
    if (error instanceof ApiError && error.status === 404) return { state: 'missing' };
    return { state: 'unknown', reason: describe(outcomeOf(error, `get ${plural} ${namespace}/${name}`)) };
  }
}

/** Follows the controller chain (ReplicaSet → Deployment, Job → CronJob); returns the topmost object read. */
async function readOwners(reader: TargetedReader, pod: LiveObject): Promise<LiveObject> {
  let current = pod;
  for (let depth = 0; depth < 3; depth++) {
    const owner = current.metadata.ownerReferences?.find((reference) => reference.controller) ?? current.metadata.ownerReferences?.[0];
    if (!owner || !WORKLOAD_KINDS.has(owner.kind) || apiGroup(owner.apiVersion) !== resourceType(owner.kind)?.group) return current;
    const object = await reader.get(owner.kind, current.metadata.namespace, owner.name);
    if (!object) return current;
    current = object;
  }
  return current;
}

/** The Flux or Argo CD objects that applied the workload, up to the Kustomization that applied those. */
async function readGitOpsOwners(reader: TargetedReader, candidates: LiveObject[]): Promise<void> {
  let current = candidates.find((candidate) => gitopsOwnerOf(candidate));
  for (let depth = 0; current && depth < 4; depth++) {
    const owner = gitopsOwnerOf(current);
    if (!owner) return;
    if (owner.namespace === undefined) {
      // An Application in Argo CD's own namespace: the tracking id does not say which namespace that is.
      current = (await reader.list('Application', undefined, { fieldSelector: `metadata.name=${owner.name}` }))[0];
    } else {
      current = await reader.get(owner.kind, owner.namespace, owner.name);
    }
  }
}

/**
 * Each container's last lines: the current run (for a container waiting in CrashLoopBackOff the
 * kubelet serves the run that just failed), and for a running container that restarted, the run
 * before (why it restarted). Containers that never started have no log.
 */
async function readLogs(reader: TargetedReader, pod: LiveObject, tailLines: number): Promise<ContainerLog[]> {
  const wanted: { container: string; previous: boolean; never?: string }[] = [];
  for (const status of containerStatuses(pod)) {
    const ran = status.state?.running || status.state?.terminated || status.lastState?.terminated;
    if (!ran) {
      wanted.push({ container: status.name, previous: false, never: `not started (${status.state?.waiting?.reason ?? 'waiting'})` });
      continue;
    }
    wanted.push({ container: status.name, previous: false });
    if (status.state?.running && status.lastState?.terminated) wanted.push({ container: status.name, previous: true });
  }
  const base = `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata.name)}/log`;
  return Promise.all(
    wanted.map(async ({ container, previous, never }): Promise<ContainerLog> => {
      if (never) return { container, previous, unavailable: never };
      const query = new URLSearchParams({ container, tailLines: String(tailLines), limitBytes: String(LOG_BYTES), ...(previous ? { previous: 'true' } : {}) });
      try {
        const text = await reader.text(`${base}?${query}`);
        const lines = text.split('\n');
        if (lines.at(-1) === '') lines.pop();
        return { container, previous, lines };
      } catch (error) {
        if (isFatal(error)) throw error;
        return { container, previous, unavailable: describe(outcomeOf(error, 'read pods/log')) };
      }
    }),
  );
}

/** Usage of the pod's claims, from its node's kubelet, through the API server's node proxy. */
async function readVolumeStats(client: ApiClient, reader: TargetedReader, node: string, namespace: string, claims: string[], into: VolumeStats[]): Promise<void> {
  try {
    const stats = await nodeVolumeStats(client, node);
    into.push(...stats.filter((volume) => volume.namespace === namespace && claims.includes(volume.claim)));
    reader.record(NODE_STATS, { state: 'read', count: 1 });
  } catch (error) {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
    reader.record(NODE_STATS, outcomeOf(error, `read node ${node} stats through the API server proxy`));
  }
}

/**
 * The node's warning events (SystemOOM, Rebooted, EvictionThresholdMet, ImageGCFailed…): the
 * kubelet records them in `default`, since a Node has no namespace.
 */
async function readNodeEvents(client: ApiClient, reader: TargetedReader, node: string, into: LiveObject[]): Promise<void> {
  try {
    const items = await listAll(client, '/api/v1/namespaces/default/events', { fieldSelector: `involvedObject.name=${node}` });
    into.push(...items.filter((event) => event.involvedObject?.kind === 'Node' && event.type === 'Warning').map((event) => trimObject(event, 'v1', 'Event')));
  } catch (error) {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(client, error));
    reader.record(NODE_EVENTS, outcomeOf(error, `list events of node ${node} in default`));
  }
}

function describe(outcome: ReturnType<typeof outcomeOf>): string {
  return 'message' in outcome ? outcome.message : outcome.state;
}
