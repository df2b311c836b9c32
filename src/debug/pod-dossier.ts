import type { ClusterState, LiveObject } from '../cluster/cluster-state.js';
import { quantityBytes } from '../k8s/byte-sizes.js';
import { conditionOf, conditionsOf, describeCondition } from '../k8s/conditions.js';
import { containerStatuses, type Termination } from '../k8s/container-statuses.js';
import { eventMessage, eventTime, involvedObjectOf } from '../k8s/events.js';
import { gitopsOwnerOf, describeOwner } from '../k8s/gitops-owner.js';
import { admits, isolatingPolicies, policiesSelecting, targetOnPod } from '../k8s/policy-admission.js';
import { selects } from '../k8s/selectors.js';
import { ageOf, formatDuration } from '../text/duration.js';
import type { ContainerLog, PodEvidence } from './pod-evidence.js';
import { podReferences } from './pod-references.js';

/** Everything `hctl debug pod` shows about a pod, in `details.pod` of its report. */
export interface PodDossier {
  namespace: string;
  name: string;
  resolvedFrom?: string;
  phase: string;
  /** `Evicted`, with the kubelet's message. */
  reason?: string;
  message?: string;
  node?: string;
  podIP?: string;
  qosClass?: string;
  age?: string;
  /** `1/2`: app containers ready. */
  ready: string;
  restarts: number;
  /** Conditions that are not True (PodScheduled, Initialized, ContainersReady, Ready). */
  conditions: string[];
  /** From the pod up its controller chain: ReplicaSet, then Deployment. */
  owners: { kind: string; name: string; read: boolean; status?: string }[];
  /** The Flux or Argo CD objects that applied it, nearest first. */
  gitops: { kind: string; namespace?: string; name: string; read: boolean; status?: string }[];
  nodeStatus?: { ready: string; problems: string[]; unschedulable: boolean; kubelet?: string };
  containers: ContainerFacts[];
  volumes: VolumeFacts[];
  references: ReferenceFacts[];
  services: ServiceFacts[];
  network: { policies: string[]; ingressIsolated: boolean; egressIsolated: boolean; read: boolean; ciliumPolicies?: string[] };
  events: EventFacts[];
  logs?: ContainerLog[];
  /** Kinds that could not be read, with why: what this report cannot say. */
  unread: string[];
}

export interface ContainerFacts {
  name: string;
  init: boolean;
  image?: string;
  state: string;
  reason?: string;
  message?: string;
  ready: boolean;
  restarts: number;
  lastTermination?: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  /** metrics-server's current usage; `memoryOfLimit` in percent when a memory limit is set. */
  usage?: { cpu?: string; memory?: string; memoryOfLimit?: number };
  probes: string[];
}

export interface VolumeFacts {
  name: string;
  type: string;
  source?: string;
  /** For a claim: `Bound 10Gi longhorn, 71% used`, `Pending`, `not found`. */
  status?: string;
}

export interface ReferenceFacts {
  kind: string;
  name: string;
  key?: string;
  optional: boolean;
  usedBy: string;
  /** `found`, `missing`, `key missing`, or `unknown` (not read: a snapshot, or forbidden). */
  state: 'found' | 'missing' | 'key missing' | 'unknown';
  reason?: string;
}

export interface ServiceFacts {
  name: string;
  /** `8989→http/TCP`. */
  ports: { port: number; target: string; protocol: string; containerPort?: number; problem?: string; blocked?: boolean }[];
  /** This pod's endpoint in the Service's EndpointSlices. */
  endpoint: 'ready' | 'not ready' | 'absent' | 'unknown';
}

export interface EventFacts {
  type: string;
  reason: string;
  message: string;
  count: number;
  object: string;
  lastSeen?: string;
}

/** Events shown, newest last: enough to see a pattern, not a wall. */
const EVENTS_SHOWN = 15;
const WORKLOAD_KINDS = ['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];

/** The objects of the evidence that concern the pod, shared by the dossier and the checks. */
export interface Related {
  owners: LiveObject[];
  gitops: LiveObject[];
  node?: LiveObject;
  claims: LiveObject[];
  services: LiveObject[];
  slices: LiveObject[];
  policies: LiveObject[];
  /** Cilium policies that may apply (the namespace's and every clusterwide one): not evaluated. */
  ciliumPolicies: LiveObject[];
  events: LiveObject[];
}

export function relatedObjects(evidence: PodEvidence): Related {
  const { state, pod } = evidence;
  const namespace = pod.metadata.namespace;
  const inNamespace = (kind: string) => (state.objects.get(kind) ?? []).filter((object) => object.metadata.namespace === namespace);
  const owners = ownerChain(state, pod).flatMap((owner) => (owner.object ? [owner.object] : []));
  const gitops = gitopsChain(state, [owners.at(-1) ?? pod, pod]);
  const claimNames = new Set(podReferences(pod).filter((reference) => reference.kind === 'PersistentVolumeClaim').map((reference) => reference.name));
  const claims = inNamespace('PersistentVolumeClaim').filter((claim) => claimNames.has(claim.metadata.name));
  const services = inNamespace('Service').filter((service) => service.spec?.selector && Object.keys(service.spec.selector).length > 0 && selects(service.spec.selector, pod.metadata.labels ?? {}));
  const serviceNames = new Set(services.map((service) => service.metadata.name));
  const slices = inNamespace('EndpointSlice').filter((slice) => serviceNames.has(slice.metadata.labels?.['kubernetes.io/service-name'] ?? ''));
  const about = new Set([pod, ...owners, ...claims].map((object) => `${object.kind}/${object.metadata.name}`));
  const events = (state.objects.get('Event') ?? []).filter((event) => {
    const involved = involvedObjectOf(event);
    if (involved?.kind === 'Node') return involved.name === pod.spec?.nodeName && event.type === 'Warning';
    return event.metadata.namespace === namespace && about.has(`${involved?.kind}/${involved?.name}`);
  });
  const node = (state.objects.get('Node') ?? []).find((candidate) => candidate.metadata.name === pod.spec?.nodeName);
  const ciliumPolicies = [...inNamespace('CiliumNetworkPolicy'), ...(state.objects.get('CiliumClusterwideNetworkPolicy') ?? [])];
  return { owners, gitops, ...(node ? { node } : {}), claims, services, slices, policies: policiesSelecting(pod.metadata.labels ?? {}, inNamespace('NetworkPolicy')), ciliumPolicies, events };
}

export function podDossier(evidence: PodEvidence, related: Related): PodDossier {
  const { state, pod } = evidence;
  const now = new Date(state.takenAt);
  const statuses = containerStatuses(pod);
  const apps = statuses.filter((status) => !status.init);
  const age = ageOf(pod.metadata.creationTimestamp, now);
  return {
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name,
    ...(evidence.resolvedFrom ? { resolvedFrom: evidence.resolvedFrom } : {}),
    phase: String(pod.status?.phase ?? 'Unknown'),
    ...(pod.status?.reason ? { reason: String(pod.status.reason) } : {}),
    ...(pod.status?.message ? { message: String(pod.status.message) } : {}),
    ...(pod.spec?.nodeName ? { node: String(pod.spec.nodeName) } : {}),
    ...(pod.status?.podIP ? { podIP: String(pod.status.podIP) } : {}),
    ...(pod.status?.qosClass ? { qosClass: String(pod.status.qosClass) } : {}),
    ...(age !== undefined ? { age: formatDuration(age) } : {}),
    ready: `${apps.filter((status) => status.ready).length}/${(pod.spec?.containers ?? []).length || apps.length}`,
    restarts: statuses.reduce((sum, status) => sum + (status.restartCount ?? 0), 0),
    conditions: conditionsOf(pod.status).filter((condition) => condition.status !== 'True').map((condition) => `${condition.type}: ${describeCondition(condition)}`),
    owners: ownerChain(state, pod).map(({ kind, name, object }) => ({ kind, name, read: object !== undefined, ...(object ? { status: workloadStatus(object) } : {}) })),
    gitops: gitopsFacts(state, related),
    ...(related.node ? { nodeStatus: nodeFacts(related.node) } : {}),
    containers: containerFacts(pod, now, (state.objects.get('PodMetrics') ?? []).find((metrics) => metrics.metadata.name === pod.metadata.name && metrics.metadata.namespace === pod.metadata.namespace)),
    volumes: volumeFacts(pod, related.claims, state),
    references: referenceFacts(evidence),
    services: serviceFacts(pod, related, state.reads.get('EndpointSlice')?.state === 'read'),
    network: {
      policies: related.policies.map((policy) => policy.metadata.name),
      ingressIsolated: isolatingPolicies(related.policies, 'ingress').length > 0,
      egressIsolated: isolatingPolicies(related.policies, 'egress').length > 0,
      read: state.reads.get('NetworkPolicy')?.state === 'read',
      ...(related.ciliumPolicies.length > 0 ? { ciliumPolicies: related.ciliumPolicies.map((policy) => `${policy.kind} ${policy.metadata.namespace ? `${policy.metadata.namespace}/` : ''}${policy.metadata.name}`) } : {}),
    },
    events: related.events
      .map((event) => ({ event, at: eventTime(event) }))
      .sort((a, b) => a.at.localeCompare(b.at))
      .slice(-EVENTS_SHOWN)
      .map(({ event, at }) => {
        const involved = involvedObjectOf(event);
        return {
          type: String(event.type ?? 'Normal'),
          reason: String(event.reason ?? ''),
          message: eventMessage(event).split('\n')[0]!.trim(),
          count: typeof event.count === 'number' ? event.count : 1,
          object: involved?.kind === 'Pod' ? 'pod' : `${involved?.kind} ${involved?.name}`,
          ...(at ? { lastSeen: at } : {}),
        };
      }),
    ...(evidence.logs ? { logs: evidence.logs } : {}),
    unread: [...state.reads].filter(([, outcome]) => outcome.state === 'forbidden' || outcome.state === 'failed').map(([kind, outcome]) => `${kind}: ${'message' in outcome ? outcome.message : outcome.state}`),
  };
}

/**
 * The controller chain as far as it can be read. A snapshot holds no ReplicaSets: a Deployment
 * whose name is the ReplicaSet's without its hash suffix is taken as its owner, as the
 * Deployment controller names them.
 */
function ownerChain(state: ClusterState, pod: LiveObject): { kind: string; name: string; object?: LiveObject }[] {
  const chain: { kind: string; name: string; object?: LiveObject }[] = [];
  const find = (kind: string, name: string) => (state.objects.get(kind) ?? []).find((object) => object.metadata.name === name && object.metadata.namespace === pod.metadata.namespace);
  let current: LiveObject | undefined = pod;
  while (current && chain.length < 3) {
    const reference: { kind: string; name: string } | undefined = current.metadata.ownerReferences?.find((owner) => owner.controller) ?? current.metadata.ownerReferences?.[0];
    if (!reference) break;
    const object: LiveObject | undefined = WORKLOAD_KINDS.includes(reference.kind) ? find(reference.kind, reference.name) : undefined;
    chain.push({ kind: reference.kind, name: reference.name, ...(object ? { object } : {}) });
    if (!object && reference.kind === 'ReplicaSet' && state.reads.get('ReplicaSet')?.state !== 'read') {
      const deployment = find('Deployment', reference.name.replace(/-[a-z0-9]+$/, ''));
      if (deployment) chain.push({ kind: 'Deployment', name: deployment.metadata.name, object: deployment });
      break;
    }
    current = object;
  }
  return chain;
}

function gitopsChain(state: ClusterState, candidates: LiveObject[]): LiveObject[] {
  const chain: LiveObject[] = [];
  let current = candidates.find((candidate) => gitopsOwnerOf(candidate));
  while (current && chain.length < 4) {
    const owner = gitopsOwnerOf(current);
    if (!owner) break;
    const next = (state.objects.get(owner.kind) ?? []).find((object) => object.metadata.name === owner.name && (owner.namespace === undefined || object.metadata.namespace === owner.namespace));
    if (!next || chain.includes(next)) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

function gitopsFacts(state: ClusterState, related: Related): PodDossier['gitops'] {
  const facts: PodDossier['gitops'] = related.gitops.map((object) => ({
    kind: object.kind,
    ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
    name: object.metadata.name,
    read: true,
    status: gitopsStatus(object),
  }));
  // The last owner named but not found: deleted, or not readable.
  const last = related.gitops.at(-1) ?? related.owners.at(-1) ?? undefined;
  const missing = last ? gitopsOwnerOf(last) : undefined;
  if (missing && !related.gitops.some((object) => object.kind === missing.kind && object.metadata.name === missing.name)) {
    const outcome = state.reads.get(missing.kind);
    const why = outcome?.state === 'read' ? 'not found' : `not read (${outcome?.state ?? 'not in the snapshot'})`;
    facts.push({ kind: missing.kind, ...(missing.namespace ? { namespace: missing.namespace } : {}), name: missing.name, read: false, status: `${describeOwner(missing)} ${why}` });
  }
  return facts;
}

function gitopsStatus(object: LiveObject): string {
  if (object.kind === 'Application') {
    const sync = object.status?.sync?.status ?? 'Unknown';
    const health = object.status?.health?.status ?? 'Unknown';
    return `${sync}, ${health}`;
  }
  const ready = conditionOf(object.status, 'Ready');
  const suspended = object.spec?.suspend === true ? ' (suspended)' : '';
  return ready ? `Ready ${ready.status}${ready.status === 'True' ? '' : `: ${describeCondition(ready)}`}${suspended}` : `no Ready condition${suspended}`;
}

function workloadStatus(object: LiveObject): string {
  const status = object.status ?? {};
  if (object.kind === 'CronJob') return `last scheduled ${status.lastScheduleTime ?? 'never'}`;
  if (object.kind === 'Job') return `${status.succeeded ?? 0} succeeded, ${status.failed ?? 0} failed`;
  if (object.kind === 'DaemonSet') return `${status.numberReady ?? 0}/${status.desiredNumberScheduled ?? 0} ready`;
  return `${status.readyReplicas ?? 0}/${object.spec?.replicas ?? status.replicas ?? 0} ready`;
}

function nodeFacts(node: LiveObject): NonNullable<PodDossier['nodeStatus']> {
  const ready = conditionOf(node.status, 'Ready');
  const problems = conditionsOf(node.status).filter((condition) => condition.type !== 'Ready' && condition.status === 'True').map((condition) => condition.type);
  return {
    ready: ready ? ready.status : 'Unknown',
    problems,
    unschedulable: node.spec?.unschedulable === true,
    ...(node.status?.nodeInfo?.kubeletVersion ? { kubelet: String(node.status.nodeInfo.kubeletVersion) } : {}),
  };
}

function containerFacts(pod: LiveObject, now: Date, metrics: LiveObject | undefined): ContainerFacts[] {
  const statuses = new Map(containerStatuses(pod).map((status) => [status.name, status]));
  const usage = new Map<string, Record<string, string>>(((metrics?.containers as { name: string; usage?: Record<string, string> }[] | undefined) ?? []).map((container) => [container.name, container.usage ?? {}]));
  const specs: { container: Record<string, any>; init: boolean }[] = [
    ...(pod.spec?.initContainers ?? []).map((container: Record<string, any>) => ({ container, init: true })),
    ...(pod.spec?.containers ?? []).map((container: Record<string, any>) => ({ container, init: false })),
  ];
  return specs.map(({ container, init }) => {
    const status = statuses.get(container.name);
    const state = status?.state ?? {};
    const [name, detail] = state.running ? ['running', undefined] : state.terminated ? ['terminated', state.terminated] : state.waiting ? ['waiting', state.waiting] : [status ? 'unknown' : 'not created', undefined];
    return {
      name: String(container.name),
      init,
      ...(container.image ? { image: String(container.image) } : {}),
      state: name,
      ...(detail?.reason ? { reason: detail.reason } : {}),
      ...(detail?.message ? { message: detail.message.split('\n')[0]!.trim() } : {}),
      ready: status?.ready === true,
      restarts: status?.restartCount ?? 0,
      ...(status?.lastState?.terminated ? { lastTermination: describeTermination(status.lastState.terminated, now) } : {}),
      ...(container.resources?.requests ? { requests: stringsOf(container.resources.requests) } : {}),
      ...(container.resources?.limits ? { limits: stringsOf(container.resources.limits) } : {}),
      ...(usage.has(container.name) ? { usage: usageFacts(usage.get(container.name)!, container.resources?.limits?.memory) } : {}),
      probes: (['startupProbe', 'livenessProbe', 'readinessProbe'] as const).filter((probe) => container[probe]).map((probe) => `${probe.replace('Probe', '')} ${describeProbe(container[probe])}`),
    };
  });
}

function usageFacts(usage: Record<string, string>, memoryLimit: unknown): NonNullable<ContainerFacts['usage']> {
  const used = quantityBytes(usage.memory);
  const limit = quantityBytes(memoryLimit);
  return {
    ...(usage.cpu ? { cpu: usage.cpu } : {}),
    ...(usage.memory ? { memory: usage.memory } : {}),
    ...(used !== undefined && limit ? { memoryOfLimit: Math.round((used / limit) * 100) } : {}),
  };
}

function describeTermination(termination: Termination, now: Date): string {
  const ago = ageOf(termination.finishedAt, now);
  return `${termination.reason ?? 'Terminated'}, exit ${termination.exitCode ?? '?'}${ago !== undefined ? `, ${formatDuration(ago)} ago` : ''}`;
}

function describeProbe(probe: Record<string, any>): string {
  const action = probe.httpGet
    ? `http GET :${probe.httpGet.port}${probe.httpGet.path ?? '/'}`
    : probe.tcpSocket ? `tcp :${probe.tcpSocket.port}` : probe.grpc ? `grpc :${probe.grpc.port}` : probe.exec ? `exec ${(probe.exec.command ?? []).join(' ')}` : 'no action';
  const timing = [`period ${probe.periodSeconds ?? 10}s`, `timeout ${probe.timeoutSeconds ?? 1}s`, `failures ${probe.failureThreshold ?? 3}`];
  if (probe.initialDelaySeconds) timing.unshift(`delay ${probe.initialDelaySeconds}s`);
  return `${action} (${timing.join(', ')})`;
}

function stringsOf(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));
}

function volumeFacts(pod: LiveObject, claims: LiveObject[], state: ClusterState): VolumeFacts[] {
  const usage = new Map((state.volumeStats ?? []).map((stats) => [`${stats.namespace}/${stats.claim}`, stats]));
  return (Array.isArray(pod.spec?.volumes) ? pod.spec.volumes : []).map((volume: Record<string, any>) => {
    const type = Object.keys(volume).find((key) => key !== 'name') ?? 'unknown';
    const source = volume[type] ?? {};
    const sourceName = source.claimName ?? source.secretName ?? source.name ?? source.path;
    const facts: VolumeFacts = { name: String(volume.name), type, ...(typeof sourceName === 'string' ? { source: sourceName } : {}) };
    if (type === 'persistentVolumeClaim') {
      const claim = claims.find((candidate) => candidate.metadata.name === source.claimName);
      const stats = usage.get(`${pod.metadata.namespace}/${source.claimName}`);
      const read = state.reads.get('PersistentVolumeClaim')?.state === 'read';
      facts.status = claim
        ? [claim.status?.phase ?? 'Unknown', claim.status?.capacity?.storage, claim.spec?.storageClassName, stats ? `${Math.round((stats.usedBytes / stats.capacityBytes) * 100)}% used` : undefined].filter(Boolean).join(' ')
        : read ? 'not found' : 'not read';
    }
    if (type === 'emptyDir' && source.sizeLimit) facts.status = `sizeLimit ${source.sizeLimit}`;
    return facts;
  });
}

function referenceFacts(evidence: PodEvidence): ReferenceFacts[] {
  return podReferences(evidence.pod)
    .filter((reference) => reference.kind !== 'PersistentVolumeClaim')
    .map((reference) => {
      const lookup = evidence.lookups?.get(`${reference.kind}/${reference.name}`);
      const base = { kind: reference.kind, name: reference.name, ...(reference.key ? { key: reference.key } : {}), optional: reference.optional, usedBy: reference.usedBy };
      if (!lookup) return { ...base, state: 'unknown' as const, reason: 'not read (a snapshot holds no ConfigMaps and no Secret names)' };
      if (lookup.state === 'unknown') return { ...base, state: 'unknown' as const, reason: lookup.reason };
      if (lookup.state === 'missing') return { ...base, state: 'missing' as const };
      return { ...base, state: reference.key && !lookup.keys.includes(reference.key) ? ('key missing' as const) : ('found' as const) };
    });
}

function serviceFacts(pod: LiveObject, related: Related, slicesRead: boolean): ServiceFacts[] {
  // A Cilium policy may admit what NetworkPolicies do not: then whether a port is blocked is not said.
  const isolated = isolatingPolicies(related.policies, 'ingress').length > 0 && related.ciliumPolicies.length === 0;
  return related.services.map((service) => {
    const ports = (Array.isArray(service.spec?.ports) ? service.spec.ports : []).map((port: Record<string, any>) => {
      const target = targetOnPod(pod, port);
      const fact: ServiceFacts['ports'][number] = { port: Number(port.port), target: String(port.targetPort ?? port.port), protocol: String(port.protocol ?? 'TCP'), ...(target ? { containerPort: target.port } : {}) };
      if (!target) fact.problem = `targetPort ${fact.target} names no port of this pod's containers`;
      else if (isolated) fact.blocked = !admits(related.policies, 'ingress', target);
      return fact;
    });
    const endpoints = related.slices.filter((slice) => slice.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name).flatMap((slice) => (Array.isArray(slice.endpoints) ? slice.endpoints : []));
    const mine = endpoints.find((endpoint: Record<string, any>) => endpoint.targetRef?.name === pod.metadata.name || (pod.status?.podIP && endpoint.addresses?.includes(pod.status.podIP)));
    const endpoint: ServiceFacts['endpoint'] = !slicesRead ? 'unknown' : !mine ? 'absent' : mine.conditions?.ready === false ? 'not ready' : 'ready';
    return { name: service.metadata.name, ports, endpoint };
  });
}
