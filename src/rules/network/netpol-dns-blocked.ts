import type { LiveObject } from '../../cluster/cluster-state.js';
import { admits, byNamespace, CALICO_GROUPS, isolatingPolicies, policiesSelecting } from '../../k8s/policy-admission.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'netpol-dns-blocked',
    domain: 'network',
    severity: 'critical',
    title: 'Running pods whose NetworkPolicies deny egress and admit no DNS (port 53): every name lookup times out',
    source: 'N6 live (gitops_homelab commits "allow egress port 53 for DNS-01 propagation checks", "add network policies for platform-status-reconciler (DNS + kube-api + metrics)"); seed 000 /netpol-check',
  },
  reads: ['Pod', 'NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
  check(context) {
    // A Cilium or Calico rule may let DNS out where NetworkPolicies do not: those pods are not judged.
    if (CALICO_GROUPS.some((group) => context.cluster.apiGroups[group]) || context.list('CiliumClusterwideNetworkPolicy').length > 0) return;
    const ciliumNamespaces = new Set(context.list('CiliumNetworkPolicy').map((policy) => policy.metadata.namespace));
    const policiesIn = byNamespace(context.list('NetworkPolicy'));
    // One finding per set of isolating policies: a namespace's default-deny blocks all its pods at once.
    const groups = new Map<string, { policy: LiveObject; names: string[]; pods: string[] }>();
    for (const pod of context.list('Pod')) {
      const namespace = pod.metadata.namespace ?? '';
      if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp || pod.spec?.hostNetwork === true || ciliumNamespaces.has(namespace)) continue;
      const selecting = policiesSelecting(pod.metadata.labels ?? {}, policiesIn.get(namespace) ?? []);
      const isolating = isolatingPolicies(selecting, 'egress');
      if (isolating.length === 0 || admits(selecting, 'egress', { port: 53, name: 'dns', protocol: 'UDP' })) continue;
      const names = isolating.map((policy) => policy.metadata.name).sort();
      const key = `${namespace}/${names.join(',')}`;
      const group = groups.get(key) ?? { policy: isolating[0]!, names, pods: [] };
      group.pods.push(pod.metadata.name);
      groups.set(key, group);
    }
    for (const { policy, names, pods } of groups.values()) {
      const shown = pods.length > 3 ? `${pods.slice(0, 3).join(', ')} and ${pods.length - 3} more` : pods.join(', ');
      context.report({
        object: policy,
        message: `${names.join(', ')} den${names.length === 1 ? 'ies' : 'y'} egress to ${pods.length === 1 ? 'pod' : `${pods.length} pods`} (${shown}) and no egress rule admits DNS (53/UDP): every name lookup times out`,
        hint: 'Add an egress rule to kube-dns: `to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]`, `ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]`.',
      });
    }
  },
} satisfies HealthRule;
