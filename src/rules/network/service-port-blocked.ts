import { admits, byNamespace, CALICO_GROUPS, isolatingPolicies, policiesSelecting, targetOnPod } from '../../k8s/policy-admission.js';
import { selects } from '../../k8s/selectors.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'service-port-blocked',
    domain: 'network',
    severity: 'warning',
    title: 'A Service port no client can reach: the NetworkPolicies that isolate its pods admit no traffic to it',
    source: 'seed 000 /netpol-check; N3 (default-deny adopted namespace by namespace, allow rules forgotten for a port); seed 001 (Prometheus scrapes failing behind a new default-deny)',
  },
  reads: ['Service', 'Pod', 'NetworkPolicy', 'CiliumNetworkPolicy', 'CiliumClusterwideNetworkPolicy'],
  check(context) {
    if (CALICO_GROUPS.some((group) => context.cluster.apiGroups[group])) return;
    // A Cilium policy may admit what NetworkPolicies do not; where one can apply, the port is not judged.
    if (context.list('CiliumClusterwideNetworkPolicy').length > 0) return;
    const ciliumNamespaces = new Set(context.list('CiliumNetworkPolicy').map((policy) => policy.metadata.namespace));
    const policies = byNamespace(context.list('NetworkPolicy'));
    const pods = byNamespace(context.list('Pod').filter((pod) => pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp && pod.spec?.hostNetwork !== true));
    for (const service of context.list('Service')) {
      const namespace = service.metadata.namespace ?? '';
      const selector = service.spec?.selector;
      if (service.spec?.type === 'ExternalName' || !selector || Object.keys(selector).length === 0 || ciliumNamespaces.has(namespace)) continue;
      const selected = (pods.get(namespace) ?? []).filter((pod) => selects(selector, pod.metadata.labels ?? {}));
      if (selected.length === 0) continue;
      for (const port of Array.isArray(service.spec?.ports) ? service.spec.ports : []) {
        // Every selected pod must refuse it: one pod that admits it is a different (rollout) story.
        let isolating: string[] = [];
        let where = '';
        const blockedEverywhere = selected.every((pod) => {
          const target = targetOnPod(pod, port);
          const selecting = policiesSelecting(pod.metadata.labels ?? {}, policies.get(namespace) ?? []);
          const isolated = isolatingPolicies(selecting, 'ingress');
          if (!target || isolated.length === 0 || admits(selecting, 'ingress', target)) return false;
          isolating = isolated.map((policy) => policy.metadata.name);
          where = `${target.port}/${target.protocol}`;
          return true;
        });
        if (!blockedEverywhere) continue;
        const name = port.name ? ` (${port.name})` : '';
        context.report({
          object: service,
          message: `port ${port.port}${name} reaches no pod: ${isolating.join(', ')} isolate${isolating.length === 1 ? 's' : ''} ${selected.length === 1 ? `its pod ${selected[0]!.metadata.name}` : `its ${selected.length} pods`} and no ingress rule admits ${where}: clients time out`,
          hint: `Add an ingress rule for port ${where} from the clients that need it (the ingress controller's namespace, Prometheus for a metrics port), or drop the port from the Service if nothing should reach it.`,
        });
      }
    }
  },
} satisfies HealthRule;
