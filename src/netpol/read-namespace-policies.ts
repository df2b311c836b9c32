import pLimit from 'p-limit';
import type { ApiClient } from '../cluster/api-client.js';
import type { ClusterState } from '../cluster/cluster-state.js';
import { readServer } from '../cluster/read-cluster.js';
import { TargetedReader } from '../cluster/targeted-reader.js';
import { UsageError } from '../config/errors.js';

/**
 * Reads what judging one namespace's policies needs, in one round of parallel lists: its pods,
 * Services and NetworkPolicies (and Cilium policies), and every namespace's labels for peers.
 */
export async function readNamespacePolicies(client: ApiClient, namespace: string, options: { concurrency: number; context?: string }): Promise<ClusterState> {
  const takenAt = new Date().toISOString();
  const { version, discovery } = await readServer(client);
  const reader = new TargetedReader(client, discovery, pLimit(options.concurrency));
  await Promise.all([
    reader.list('Namespace', undefined),
    reader.list('Pod', namespace),
    reader.list('Service', namespace),
    reader.list('NetworkPolicy', namespace),
    reader.list('CiliumNetworkPolicy', namespace),
    reader.list('CiliumClusterwideNetworkPolicy', undefined),
  ]);
  const state = reader.state({ takenAt, ...(options.context ? { context: options.context } : {}), server: client.server, ...(version.gitVersion ? { serverVersion: version.gitVersion } : {}) });
  requireNamespace(state, namespace);
  return state;
}

/** A namespace that is not there is a usage error naming those that are (when the namespaces could be read). */
export function requireNamespace(state: ClusterState, namespace: string): void {
  const namespaces = state.objects.get('Namespace') ?? [];
  if (state.reads.get('Namespace')?.state !== 'read' || namespaces.some((candidate) => candidate.metadata.name === namespace)) return;
  throw new UsageError(`namespace ${namespace} not found; namespaces: ${namespaces.map((candidate) => candidate.metadata.name).sort().join(', ')}`);
}
