import type { ClusterState, LiveObject } from '../cluster/cluster-state.js';
import { HEALTH_DOMAINS } from '../cluster/resources.js';
import type { ResolvedConfig } from '../config/config.js';
import { checkCluster, whereFrom, type HealthRunOptions } from '../engine/check-cluster.js';
import { policyTypes } from '../k8s/network-policy.js';
import { describePolicyRule, describeSelector } from '../k8s/policy-description.js';
import { admits, isolatingPolicies, policiesSelecting, targetOnPod } from '../k8s/policy-admission.js';
import { selects } from '../k8s/selectors.js';
import { asList, asRecord } from '../repo/parse.js';
import { buildReport, type Report } from '../report/report.js';
import { HEALTH_RULES } from '../rules/health-index.js';

/** What `hctl netpol` shows about a namespace, in `details.netpol` of its report. */
export interface NamespacePolicies {
  namespace: string;
  /** The namespace's labels, which other namespaces' policies select it by. */
  labels: Record<string, string>;
  /** Policies that isolate every pod of the namespace, per direction. */
  defaultDeny: { ingress: string[]; egress: string[] };
  policies: { name: string; selects: string; pods: number; types: string[]; ingress: string[]; egress: string[] }[];
  /** Running pods grouped by what runs them, with the policies that select them. */
  workloads: { name: string; pods: number; policies: string[]; ingress: 'open' | 'isolated'; egress: 'open' | 'isolated'; dns: 'open' | 'allowed' | 'blocked' }[];
  services: { name: string; ports: { port: number; target: string; protocol: string; admitted?: boolean }[] }[];
  /** Cilium policies that may apply too; not evaluated. */
  ciliumPolicies: string[];
  /** Whether the namespace's NetworkPolicies could be read at all. */
  read: boolean;
}

/** The checks that judge a namespace's policies. */
const NETPOL_CHECKS = new Set(['service-port-blocked', 'netpol-dns-blocked', 'netpol-selector-unmatched']);

export interface NetpolOptions {
  config: ResolvedConfig;
  version: string;
  source: HealthRunOptions['source'];
  requests?: number;
}

/** `hctl netpol NAMESPACE`: the namespace's policies, who they isolate, what gets through, and the checks' verdict. */
export function netpolReport(state: ClusterState, namespace: string, options: NetpolOptions): Report {
  const scoped = scopedState(state, namespace);
  const view = namespacePolicies(scoped, namespace);
  const judged = checkCluster(scoped, { config: options.config, domains: HEALTH_DOMAINS, version: options.version, source: options.source, rules: HEALTH_RULES.filter((rule) => NETPOL_CHECKS.has(rule.meta.id)) });
  return buildReport({
    command: 'netpol',
    version: options.version,
    findings: judged.findings,
    details: { ...whereFrom(state, options.source), netpol: view, ...(options.requests !== undefined ? { requests: options.requests } : {}) },
    itemCount: view.policies.length + view.services.length,
    unhealthyItems: new Set(judged.findings.filter((finding) => finding.severity !== 'info').map((finding) => `${finding.resource?.kind}/${finding.resource?.name}`)).size,
    now: new Date(state.takenAt),
  });
}

/** The namespace's pods, Services and policies, every namespace (for peers), and the clusterwide Cilium policies. */
function scopedState(state: ClusterState, namespace: string): ClusterState {
  const objects = new Map<string, LiveObject[]>();
  for (const kind of ['Pod', 'Service', 'NetworkPolicy', 'CiliumNetworkPolicy']) objects.set(kind, (state.objects.get(kind) ?? []).filter((object) => object.metadata.namespace === namespace));
  for (const kind of ['Namespace', 'CiliumClusterwideNetworkPolicy']) objects.set(kind, state.objects.get(kind) ?? []);
  return { ...state, objects };
}

export function namespacePolicies(state: ClusterState, namespace: string): NamespacePolicies {
  const list = (kind: string) => state.objects.get(kind) ?? [];
  const namespaces = state.reads.get('Namespace')?.state === 'read' ? list('Namespace') : undefined;
  const policies = list('NetworkPolicy');
  const pods = list('Pod').filter((pod) => pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp);
  const selectedBy = (policy: LiveObject) => pods.filter((pod) => selects(policy.spec?.podSelector ?? {}, pod.metadata.labels ?? {}));
  const everyPod = (direction: 'ingress' | 'egress') => policies.filter((policy) => isEmptySelector(policy.spec?.podSelector) && policyTypes(asRecord(policy.spec) ?? {}).includes(direction)).map((policy) => policy.metadata.name);

  const workloads = new Map<string, LiveObject[]>();
  for (const pod of pods) workloads.set(workloadOf(pod), [...(workloads.get(workloadOf(pod)) ?? []), pod]);
  return {
    namespace,
    labels: namespaces?.find((candidate) => candidate.metadata.name === namespace)?.metadata.labels ?? {},
    defaultDeny: { ingress: everyPod('ingress'), egress: everyPod('egress') },
    policies: policies.map((policy) => ({
      name: policy.metadata.name,
      selects: isEmptySelector(policy.spec?.podSelector) ? 'all pods' : describeSelector(asRecord(policy.spec?.podSelector) ?? {}),
      pods: selectedBy(policy).length,
      types: policyTypes(asRecord(policy.spec) ?? {}).map((type) => (type === 'ingress' ? 'Ingress' : 'Egress')),
      ingress: asList(policy.spec?.ingress).map((rule) => describePolicyRule(rule, 'ingress', namespaces)),
      egress: asList(policy.spec?.egress).map((rule) => describePolicyRule(rule, 'egress', namespaces)),
    })),
    workloads: [...workloads].sort(([a], [b]) => a.localeCompare(b)).map(([name, members]) => {
      // Pods of one workload share labels; the first speaks for all.
      const selecting = policiesSelecting(members[0]!.metadata.labels ?? {}, policies);
      const egressIsolated = isolatingPolicies(selecting, 'egress').length > 0;
      return {
        name,
        pods: members.length,
        policies: selecting.map((policy) => policy.metadata.name),
        ingress: isolatingPolicies(selecting, 'ingress').length > 0 ? ('isolated' as const) : ('open' as const),
        egress: egressIsolated ? ('isolated' as const) : ('open' as const),
        dns: !egressIsolated ? ('open' as const) : admits(selecting, 'egress', { port: 53, name: 'dns', protocol: 'UDP' }) ? ('allowed' as const) : ('blocked' as const),
      };
    }),
    services: list('Service').filter((service) => service.spec?.selector && Object.keys(service.spec.selector).length > 0).map((service) => {
      const backends = pods.filter((pod) => selects(service.spec.selector, pod.metadata.labels ?? {}));
      return {
        name: service.metadata.name,
        ports: asList(service.spec?.ports).map((entry) => {
          const port = asRecord(entry) ?? {};
          const fact: NamespacePolicies['services'][number]['ports'][number] = { port: Number(port.port), target: String(port.targetPort ?? port.port), protocol: String(port.protocol ?? 'TCP') };
          // Admitted when some backend pod takes it: open, or a rule admits its container port.
          if (backends.length > 0) {
            fact.admitted = backends.some((pod) => {
              const target = targetOnPod(pod, port);
              const selecting = policiesSelecting(pod.metadata.labels ?? {}, policies);
              return target !== undefined && (isolatingPolicies(selecting, 'ingress').length === 0 || admits(selecting, 'ingress', target));
            });
          }
          return fact;
        }),
      };
    }),
    ciliumPolicies: [...list('CiliumNetworkPolicy'), ...list('CiliumClusterwideNetworkPolicy')].map((policy) => `${policy.kind} ${policy.metadata.namespace ? `${policy.metadata.namespace}/` : ''}${policy.metadata.name}`),
    read: state.reads.get('NetworkPolicy')?.state === 'read',
  };
}

function isEmptySelector(selector: unknown): boolean {
  const record = asRecord(selector) ?? {};
  return Object.keys(asRecord(record.matchLabels) ?? {}).length === 0 && asList(record.matchExpressions).length === 0;
}

/**
 * `Deployment sonarr`, `StatefulSet postgres`, `Pod debug`: a ReplicaSet's pods are named for their
 * Deployment when the ReplicaSet's name is the Deployment's plus the pod-template-hash.
 */
function workloadOf(pod: LiveObject): string {
  const owner = pod.metadata.ownerReferences?.find((reference) => reference.controller) ?? pod.metadata.ownerReferences?.[0];
  if (!owner) return `Pod ${pod.metadata.name}`;
  const hash = pod.metadata.labels?.['pod-template-hash'];
  if (owner.kind === 'ReplicaSet' && hash && owner.name.endsWith(`-${hash}`)) return `Deployment ${owner.name.slice(0, -hash.length - 1)}`;
  return `${owner.kind} ${owner.name}`;
}
