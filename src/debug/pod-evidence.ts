import type { ClusterState, LiveObject } from '../cluster/cluster-state.js';
import { UsageError } from '../config/errors.js';
import { closest } from '../text/closest.js';

/** What `hctl debug pod` knows about one pod: read live for it, or picked from a snapshot. */
export interface PodEvidence {
  /** The pod and what relates to it (owners, node, events, claims, Services, policies, GitOps owners). */
  state: ClusterState;
  pod: LiveObject;
  /** The name the user gave, when it matched no pod exactly but began exactly one pod's name. */
  resolvedFrom?: string;
  /** ConfigMaps and Secrets the pod references, by `Kind/name`; a snapshot holds none. */
  lookups?: Map<string, Lookup>;
  /** Each container's last lines of output; absent from a snapshot. */
  logs?: ContainerLog[];
}

/** Whether a referenced ConfigMap or Secret exists, and its keys (never its values). */
export type Lookup = { state: 'found'; keys: string[] } | { state: 'missing' } | { state: 'unknown'; reason: string };

export interface ContainerLog {
  container: string;
  /** The run before the current one (why it restarted). */
  previous: boolean;
  lines?: string[];
  /** Why there is no log (waiting to start, forbidden…). */
  unavailable?: string;
}

/**
 * The pod `name` names in `namespace`: the exact name, or the one pod whose name begins with
 * `name-` (`sonarr` for `sonarr-7d9c6b5f4-x2x8q`, as a Deployment's pods are named). Anything
 * else is a usage error that lists what there is.
 */
export function choosePod(pods: readonly LiveObject[], namespace: string, name: string): { pod: LiveObject; resolvedFrom?: string } {
  const exact = pods.find((pod) => pod.metadata.name === name);
  if (exact) return { pod: exact };
  const prefixed = pods.filter((pod) => pod.metadata.name.startsWith(`${name}-`));
  if (prefixed.length === 1) return { pod: prefixed[0]!, resolvedFrom: name };
  const names = pods.map((pod) => pod.metadata.name).sort();
  if (prefixed.length > 1) {
    throw new UsageError(`pod ${namespace}/${name} not found; ${prefixed.length} pods begin with "${name}-": ${prefixed.map((pod) => pod.metadata.name).sort().join(', ')} (name one)`);
  }
  if (names.length === 0) throw new UsageError(`pod ${namespace}/${name} not found: namespace ${namespace} has no pods`);
  const guess = closest(name, names);
  const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
  throw new UsageError(`pod ${namespace}/${name} not found${guess ? ` (did you mean ${guess}?)` : ''}; pods in ${namespace}: ${shown}`);
}

/** `media/sonarr` → media, sonarr; a bare name takes --namespace, else the kubeconfig context's, else `default`, as kubectl does. */
export function parsePodArgument(argument: string, namespace: string | undefined, contextNamespace?: string): { namespace: string; name: string } {
  const parts = argument.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) {
    if (namespace && namespace !== parts[0]) throw new UsageError(`${argument} names namespace ${parts[0]}, but --namespace says ${namespace}: give one`);
    return { namespace: parts[0], name: parts[1] };
  }
  if (parts.length === 1 && parts[0]) return { namespace: namespace ?? contextNamespace ?? 'default', name: parts[0] };
  throw new UsageError(`"${argument}" is not a pod: give NAMESPACE/POD (or POD with --namespace)`);
}
