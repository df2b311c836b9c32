import { isNetworkPolicy } from '../../k8s/kinds.js';
import { isAllowAll, policyTypes } from '../../k8s/network-policy.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import { selects } from '../../k8s/selectors.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Cilium entities that include the API server. */
const API_ENTITIES = new Set(['kube-apiserver', 'all', 'cluster', 'host', 'remote-node']);

export default {
  meta: {
    id: 'netpol-egress-no-kube-api',
    domain: 'network',
    severity: 'warning',
    title: 'A workload whose ServiceAccount has RBAC bindings, in pods whose egress policies never let them reach the API server',
    source: 'N7, S8; platform-lab commit e8ac64b "Fix Vault K8s auth 403 by adding port 6443 to egress policy"; gitops_homelab gives every namespace an allow-kube-api policy',
    options: { apiServerPort: 6443 },
  },
  check(context) {
    const port = Number(context.options.apiServerPort);
    const objects = context.applied;
    // A clusterwide Cilium policy may let every pod reach the API server: hctl cannot tell which.
    if (objects.some((object) => object.kind === 'CiliumClusterwideNetworkPolicy' && apiGroup(object.apiVersion) === 'cilium.io')) return;
    const bindings = serviceAccountBindings(objects);
    if (bindings.size === 0) return;
    const policies = objects.filter((object) => egressRulesOf(object) !== undefined);
    for (const object of objects) {
      const template = podTemplateOf(object);
      const namespace = object.namespace;
      if (!template || !namespace || template.spec.automountServiceAccountToken === false) continue;
      const account = String(template.spec.serviceAccountName ?? template.spec.serviceAccount ?? 'default');
      const binding = bindings.get(`${namespace}/${account}`);
      if (!binding) continue;
      const labels = asRecord(template.metadata?.labels) ?? {};
      const selecting = policies.filter((policy) => policy.namespace === namespace && selectsPods(policy, labels));
      if (selecting.length === 0) continue;
      const rules = selecting.flatMap((policy) => egressRulesOf(policy)!);
      if (rules.some((rule) => allowsApiServer(rule, port))) continue;
      const names = selecting.map((policy) => policy.name ?? '(unnamed)');
      const only443 = port !== 443 && rules.some((rule) => allowsApiServer(rule, 443));
      context.report({
        object,
        path: [...template.specPath, ...(template.spec.serviceAccountName !== undefined ? ['serviceAccountName'] : [])],
        message: `its pods call the Kubernetes API (ServiceAccount ${account} is bound by ${binding}), but the egress policies that select its pods (${names.join(', ')}) never let them reach the API server on port ${port}${
          only443 ? ' — they allow 443, the kubernetes Service’s port, but policies see the API server’s own port once the Service is resolved' : ''
        }: their API calls time out`,
        hint: `Add an egress rule to the API server: \`ports: [{port: ${port}, protocol: TCP}]\` (with an ipBlock of the control-plane nodes), or with Cilium \`toEntities: [kube-apiserver]\`. If your API server listens on another port (443 on most managed clusters), set the rule's apiServerPort option.`,
      });
    }
  },
} satisfies Rule;

/** `namespace/name` of each ServiceAccount that a RoleBinding or ClusterRoleBinding grants something, with the binding's name. */
function serviceAccountBindings(objects: readonly KubeObject[]): Map<string, string> {
  const bound = new Map<string, string>();
  for (const object of objects) {
    if (apiGroup(object.apiVersion) !== 'rbac.authorization.k8s.io' || (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding')) continue;
    for (const subject of Array.isArray(object.body.subjects) ? object.body.subjects : []) {
      const record = asRecord(subject);
      if (record?.kind !== 'ServiceAccount' || typeof record.name !== 'string') continue;
      const namespace = record.namespace ?? object.namespace;
      if (typeof namespace === 'string') bound.set(`${namespace}/${record.name}`, `${object.kind} ${object.name ?? ''}`);
    }
  }
  return bound;
}

/** The egress rules of a NetworkPolicy or CiliumNetworkPolicy that isolates egress; undefined for any other object. */
function egressRulesOf(object: KubeObject): unknown[] | undefined {
  const spec = asRecord(object.body.spec) ?? {};
  if (isNetworkPolicy(object)) return policyTypes(spec).includes('egress') ? asList(spec.egress) : undefined;
  if (object.kind === 'CiliumNetworkPolicy' && apiGroup(object.apiVersion) === 'cilium.io') {
    // Cilium 1.15's enableDefaultDeny.egress: false adds rules without isolating the pods.
    return spec.egress !== undefined && asRecord(spec.enableDefaultDeny)?.egress !== false ? asList(spec.egress) : undefined;
  }
  return undefined;
}

function selectsPods(policy: KubeObject, labels: Record<string, unknown>): boolean {
  const spec = asRecord(policy.body.spec) ?? {};
  const selector = isNetworkPolicy(policy) ? spec.podSelector : spec.endpointSelector;
  return selector === undefined || selector === null || selects(selector, labels);
}

/**
 * Whether an egress rule lets traffic reach the API server on `port`. Pod and namespace peers never
 * match it (it runs on the nodes' network); an ipBlock may hold the control-plane nodes.
 */
function allowsApiServer(rule: unknown, port: number): boolean {
  const record = asRecord(rule);
  if (!record) return false;
  if (isAllowAll(rule)) return true;
  if ('toPorts' in record || 'toEntities' in record || 'toEndpoints' in record || 'toCIDR' in record || 'toCIDRSet' in record || 'toFQDNs' in record || 'toServices' in record) {
    const entities = asList(record.toEntities).map(String);
    const peers = entities.some((entity) => API_ENTITIES.has(entity)) || 'toCIDR' in record || 'toCIDRSet' in record || !['toEntities', 'toEndpoints', 'toFQDNs', 'toServices'].some((field) => field in record);
    const ports = asList(record.toPorts).flatMap((entry) => asList(asRecord(entry)?.ports));
    return peers && (ports.length === 0 || ports.some((entry) => Number(asRecord(entry)?.port) === port));
  }
  const to = asList(record.to);
  const peers = to.length === 0 || to.some((peer) => asRecord(peer)?.ipBlock !== undefined);
  const ports = asList(record.ports);
  return peers && (ports.length === 0 || ports.some((entry) => coversPort(asRecord(entry) ?? {}, port)));
}

function coversPort(entry: Record<string, unknown>, port: number): boolean {
  if (entry.port === undefined) return true;
  const start = Number(entry.port);
  const end = typeof entry.endPort === 'number' ? entry.endPort : start;
  return port >= start && port <= end;
}
