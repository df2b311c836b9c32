import { denyingPolicies, indexDefaultDeny, isAllowAll } from '../../k8s/network-policy.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'netpol-egress-no-dns',
    domain: 'network',
    severity: 'critical',
    title: 'A namespace that denies egress by default but never allows DNS (port 53)',
    source: 'N6; gitops_homelab commits "allow egress port 53 for DNS-01 propagation checks", "add network policies for platform-status-reconciler (DNS + kube-api + metrics)"',
  },
  check(context) {
    const index = indexDefaultDeny(context.applied);
    const dnsNamespaces = new Set<string | undefined>();
    let clusterWideDns = false;
    for (const object of context.applied) {
      if (!allowsDns(object)) continue;
      if (object.kind === 'CiliumClusterwideNetworkPolicy') clusterWideDns = true;
      else dnsNamespaces.add(object.namespace);
    }
    if (clusterWideDns) return;
    const reported = new Set<string>();
    for (const [namespace, policies] of index.byNamespace.egress) {
      if (dnsNamespaces.has(namespace) || reported.has(namespace)) continue;
      reported.add(namespace);
      const policy = context.applied.find((object) => object.namespace === namespace && policies.includes(object.name ?? ''));
      if (!policy) continue;
      context.report({
        object: policy,
        message: `${denyingPolicies(index, 'egress', namespace).join(', ')} denies egress in ${namespace}, and no policy there allows DNS (port 53): every name lookup times out`,
        hint: 'Add an egress rule to kube-dns: `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}]`, `ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`.',
      });
    }
  },
} satisfies Rule;

/** A NetworkPolicy or Cilium policy with an egress rule that lets port 53 out. */
function allowsDns(object: KubeObject): boolean {
  const spec = asRecord(object.body.spec) ?? {};
  if (object.kind === 'NetworkPolicy' && object.apiVersion === 'networking.k8s.io/v1') {
    return (Array.isArray(spec.egress) ? spec.egress : []).some((rule) => {
      if (isAllowAll(rule)) return true;
      const ports = asRecord(rule)?.ports;
      // No ports: every port to the listed peers; count it only when the peers may include kube-dns.
      if (!Array.isArray(ports) || ports.length === 0) return !Array.isArray(asRecord(rule)?.to) || (asRecord(rule)?.to as unknown[]).some((peer) => asRecord(peer)?.namespaceSelector !== undefined);
      return ports.some((port) => String(asRecord(port)?.port) === '53' || asRecord(port)?.port === 'dns');
    });
  }
  if (apiGroup(object.apiVersion) === 'cilium.io' && (object.kind === 'CiliumNetworkPolicy' || object.kind === 'CiliumClusterwideNetworkPolicy')) {
    return mentionsPort53(spec.egress);
  }
  return false;
}

/** Cilium writes `toPorts: [{ports: [{port: "53"}]}]` at any depth of an egress rule. */
function mentionsPort53(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsPort53);
  const record = asRecord(value);
  if (!record) return false;
  if (String(record.port) === '53') return true;
  return Object.values(record).some(mentionsPort53);
}
