import { isWorkload } from '../../k8s/pod-templates.js';
import { denyingPolicies, indexDefaultDeny } from '../../k8s/network-policy.js';
import { describeObject, type KubeObject } from '../../repo/object.js';
import type { Rule } from '../rule.js';

/** Namespaces run by Kubernetes itself, where app policies do not apply. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export default {
  meta: {
    id: 'netpol-missing-default-deny',
    domain: 'network',
    severity: 'warning',
    title: 'A namespace with workloads but no default-deny NetworkPolicy',
    source: 'N1, N4; seed 000 ("Default-deny is active on all app namespaces"; /netpol-check looked it up by name, not shape)',
  },
  check(context) {
    const index = indexDefaultDeny(context.objects);
    // Only a repo that uses default-deny somewhere has the convention this rule enforces.
    if (!index.adopted) return;
    const workloads = new Map<string, KubeObject[]>();
    const namespaces = new Map<string, KubeObject>();
    for (const object of context.objects) {
      if (object.kind === 'Namespace' && object.apiVersion === 'v1' && object.name) namespaces.set(object.name, object);
      if (object.namespace === undefined || SYSTEM_NAMESPACES.has(object.namespace) || !isWorkload(object)) continue;
      const list = workloads.get(object.namespace) ?? [];
      list.push(object);
      workloads.set(object.namespace, list);
    }
    for (const [namespace, list] of workloads) {
      if (denyingPolicies(index, 'ingress', namespace).length > 0) continue;
      // The same workload can be defined in two places (a copy under manifests/): name it once.
      const names = [...new Set(list.map(describeObject))];
      const examples = names.slice(0, 2).join(', ') + (names.length > 2 ? ` and ${names.length - 2} more` : '');
      context.report({
        object: namespaces.get(namespace) ?? list[0]!,
        message: `namespace ${namespace} runs workloads (${examples}) but no NetworkPolicy denies ingress by default`,
        hint: `Add a NetworkPolicy in ${namespace} with \`podSelector: {}\` and \`policyTypes: [Ingress, Egress]\`, then allow what the apps need.`,
      });
    }
  },
} satisfies Rule;
