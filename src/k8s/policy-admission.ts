import type { LiveObject } from '../cluster/cluster-state.js';
import { asList, asRecord } from '../repo/parse.js';
import { policyTypes, type Direction } from './network-policy.js';
import { selects } from './selectors.js';

/** Calico's own policies (crd.projectcalico.org) can admit what NetworkPolicies do not, and hctl does not read them. */
export const CALICO_GROUPS = ['crd.projectcalico.org', 'projectcalico.org'];

/** A port traffic goes to (ingress) or leaves for (egress): a number, and the pod's name for it if any. */
export interface PortQuery {
  port: number;
  /** The container port's name, which a policy may use instead of the number. */
  name?: string;
  protocol: string;
}

/** The NetworkPolicies (of the pod's namespace) whose podSelector selects a pod with these labels. */
export function policiesSelecting(labels: Record<string, string>, policies: readonly LiveObject[]): LiveObject[] {
  return policies.filter((policy) => policy.apiVersion === 'networking.k8s.io/v1' && selects(policy.spec?.podSelector ?? {}, labels));
}

/** The policies that isolate the pod in a direction: once one does, only what some rule allows gets through. */
export function isolatingPolicies(selecting: readonly LiveObject[], direction: Direction): LiveObject[] {
  return selecting.filter((policy) => policyTypes(asRecord(policy.spec) ?? {}).includes(direction));
}

/**
 * Whether any rule of the isolating policies lets traffic through this port, from some peer (or
 * to some peer, for egress). Peers are not judged: a rule that admits only the ingress
 * controller still admits.
 */
export function admits(selecting: readonly LiveObject[], direction: Direction, query: PortQuery): boolean {
  return isolatingPolicies(selecting, direction).some((policy) => asList(policy.spec?.[direction]).some((rule) => ruleAdmits(asRecord(rule), query)));
}

/** Peers (`from`/`to`) are not judged: empty or missing they match everyone, listed they match someone. */
function ruleAdmits(rule: Record<string, unknown> | undefined, query: PortQuery): boolean {
  if (!rule) return false;
  const ports = asList(rule.ports);
  if (ports.length === 0) return true;
  return ports.some((entry) => {
    const port = asRecord(entry) ?? {};
    if (String(port.protocol ?? 'TCP').toUpperCase() !== query.protocol.toUpperCase()) return false;
    if (port.port === undefined || port.port === null) return true;
    if (typeof port.port === 'string' && !/^\d+$/.test(port.port)) return port.port === query.name;
    const first = Number(port.port);
    const last = typeof port.endPort === 'number' ? port.endPort : first;
    return query.port >= first && query.port <= last;
  });
}

/**
 * The container port a Service port sends to on this pod: its targetPort as a number, or the
 * container port with that name and protocol. Undefined when the name matches none of the pod's.
 */
export function targetOnPod(pod: LiveObject, servicePort: Record<string, unknown>): PortQuery | undefined {
  const protocol = String(servicePort.protocol ?? 'TCP');
  const target = servicePort.targetPort ?? servicePort.port;
  const containerPorts: Record<string, unknown>[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].flatMap((container: Record<string, unknown>) => asList(container.ports).map((port) => asRecord(port) ?? {}));
  const named = typeof target === 'string' && !/^\d+$/.test(target);
  const match = named
    ? containerPorts.find((port) => port.name === target && String(port.protocol ?? 'TCP') === protocol)
    : containerPorts.find((port) => port.containerPort === Number(target) && String(port.protocol ?? 'TCP') === protocol);
  if (named && !match) return undefined;
  const port = named ? Number(match!.containerPort) : Number(target);
  return { port, ...(typeof match?.name === 'string' ? { name: match.name } : {}), protocol };
}

/** Objects by their namespace: policies select pods of their own namespace only. */
export function byNamespace(objects: readonly LiveObject[]): Map<string, LiveObject[]> {
  const map = new Map<string, LiveObject[]>();
  for (const object of objects) map.set(object.metadata.namespace ?? '', [...(map.get(object.metadata.namespace ?? '') ?? []), object]);
  return map;
}
