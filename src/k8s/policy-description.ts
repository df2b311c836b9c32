import type { LiveObject } from '../cluster/cluster-state.js';
import { asList, asRecord } from '../repo/parse.js';
import { selects } from './selectors.js';

/** `app=web, tier In (a, b)`; an empty selector is `all`. */
export function describeSelector(selector: Record<string, unknown>): string {
  const labels = Object.entries(asRecord(selector.matchLabels) ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  const expressions = asList(selector.matchExpressions).map((expression) => {
    const { key, operator, values } = (asRecord(expression) ?? {}) as { key?: string; operator?: string; values?: unknown[] };
    return `${key} ${operator}${Array.isArray(values) ? ` (${values.join(', ')})` : ''}`;
  });
  return [...labels, ...expressions].join(', ') || 'all';
}

/**
 * One NetworkPolicy rule in words: `from namespaces kubernetes.io/metadata.name=ingress-nginx
 * (ingress-nginx) on http/TCP`. Namespace selectors are resolved to the namespaces they match when
 * those were read.
 */
export function describePolicyRule(rule: unknown, direction: 'ingress' | 'egress', namespaces: readonly LiveObject[] | undefined): string {
  const record = asRecord(rule) ?? {};
  const peers = asList(record[direction === 'ingress' ? 'from' : 'to']).map((peer) => describePeer(asRecord(peer) ?? {}, namespaces));
  const ports = asList(record.ports).map((entry) => {
    const port = asRecord(entry) ?? {};
    const number = port.port === undefined ? 'any port' : `${String(port.port)}${typeof port.endPort === 'number' ? `-${port.endPort}` : ''}`;
    return `${number}/${String(port.protocol ?? 'TCP')}`;
  });
  return `${direction === 'ingress' ? 'from' : 'to'} ${peers.length ? peers.join('; ') : 'anywhere'} on ${ports.length ? ports.join(', ') : 'all ports'}`;
}

function describePeer(peer: Record<string, unknown>, namespaces: readonly LiveObject[] | undefined): string {
  const ipBlock = asRecord(peer.ipBlock);
  if (ipBlock) return `${String(ipBlock.cidr)}${asList(ipBlock.except).length ? ` except ${asList(ipBlock.except).join(', ')}` : ''}`;
  const pods = asRecord(peer.podSelector);
  const namespaceSelector = asRecord(peer.namespaceSelector);
  const podPart = pods ? `pods ${describeSelector(pods)}` : 'all pods';
  if (!namespaceSelector) return `${podPart} of this namespace`;
  const matched = namespaces?.filter((namespace) => selects(namespaceSelector, namespace.metadata.labels ?? {})).map((namespace) => namespace.metadata.name);
  const which = matched === undefined ? '' : matched.length === 0 ? ' (matches no namespace)' : ` (${matched.length > 3 ? `${matched.slice(0, 3).join(', ')}, … ${matched.length} in all` : matched.join(', ')})`;
  return `${podPart} of namespaces ${describeSelector(namespaceSelector)}${which}`;
}
