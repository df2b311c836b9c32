import type { LiveObject } from '../../cluster/cluster-state.js';
import { quantityBytes } from '../../k8s/byte-sizes.js';
import { conditionOf } from '../../k8s/conditions.js';
import { add, none, podRequests, type Requests } from '../../k8s/pod-requests.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'node-headroom',
    domain: 'nodes',
    severity: 'warning',
    title: 'If one node goes down, the pods on it do not fit on the others (their requests exceed what the rest have free)',
    source: 'W11 (gitops_homelab known issues: the two-node headroom was −819m CPU); the scheduler places pods by their requests against each node’s allocatable',
  },
  reads: ['Node', 'Pod'],
  check(context) {
    const nodes = context.list('Node').filter((node) => allocatableOf(node) !== undefined);
    const byNode = new Map<string, { all: Requests; movable: Requests; pods: number }>();
    for (const pod of context.list('Pod')) {
      const node = pod.spec?.nodeName;
      if (typeof node !== 'string' || pod.metadata.deletionTimestamp || (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending')) continue;
      const requests = podRequests(pod.spec);
      const entry = byNode.get(node) ?? { all: none(), movable: none(), pods: 0 };
      entry.all = add(entry.all, requests);
      // A DaemonSet's pods and static pods go down with their node; the rest are scheduled elsewhere.
      if (!staysWithNode(pod)) {
        entry.movable = add(entry.movable, requests);
        entry.pods += 1;
      }
      byNode.set(node, entry);
    }
    const receiving = nodes.filter(takesPods);
    if (receiving.length < 2) return; // one schedulable node: nothing to fail over to, by design
    const free = (node: LiveObject): Requests => {
      const allocatable = allocatableOf(node)!;
      const used = byNode.get(node.metadata.name)?.all ?? none();
      return { cpu: Math.max(0, allocatable.cpu - used.cpu), memory: Math.max(0, allocatable.memory - used.memory) };
    };
    for (const failing of receiving) {
      const displaced = byNode.get(failing.metadata.name);
      if (!displaced || displaced.pods === 0) continue;
      const room = receiving.filter((node) => node !== failing).reduce((total, node) => add(total, free(node)), none());
      const short = [
        // Compared in millicores and bytes: sums of decimal quantities carry float dust.
        Math.round((displaced.movable.cpu - room.cpu) * 1000) > 0 ? `${cores(displaced.movable.cpu - room.cpu)} CPU` : undefined,
        Math.round(displaced.movable.memory - room.memory) > 0 ? `${gibibytes(displaced.movable.memory - room.memory)} memory` : undefined,
      ].filter((part): part is string => part !== undefined);
      if (short.length === 0) continue;
      context.report({
        object: failing,
        message: `if it goes down, its ${displaced.pods} pod${displaced.pods === 1 ? '' : 's'} request ${cores(displaced.movable.cpu)} CPU and ${gibibytes(displaced.movable.memory)} memory, and the other schedulable nodes have ${cores(room.cpu)} CPU and ${gibibytes(room.memory)} free: ${short.join(' and ')} short, so some stay Pending until it is back`,
        hint: 'Lower requests that are set well above use (kubectl top pods), run fewer replicas of what can wait, or add a node; leave at least the largest node’s requests free across the others.',
      });
    }
  },
} satisfies HealthRule;

function allocatableOf(node: LiveObject): Requests | undefined {
  const cpu = quantityBytes(node.status?.allocatable?.cpu);
  const memory = quantityBytes(node.status?.allocatable?.memory);
  return cpu === undefined || memory === undefined ? undefined : { cpu, memory };
}

/** A Ready node that accepts ordinary pods: not cordoned, no NoSchedule or NoExecute taint (a control plane's, an outage's). */
function takesPods(node: LiveObject): boolean {
  if (conditionOf(node.status, 'Ready')?.status !== 'True' || node.spec?.unschedulable === true) return false;
  const taints: unknown = node.spec?.taints;
  return !(Array.isArray(taints) && taints.some((taint) => taint?.effect === 'NoSchedule' || taint?.effect === 'NoExecute'));
}

function staysWithNode(pod: LiveObject): boolean {
  return pod.metadata.ownerReferences?.some((owner) => owner.kind === 'DaemonSet' || owner.kind === 'Node') === true || pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

function cores(value: number): string {
  return value < 1 ? `${Math.round(value * 1000)}m` : `${Number(value.toFixed(2))}`;
}

function gibibytes(bytes: number): string {
  return bytes < 2 ** 30 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Number((bytes / 2 ** 30).toFixed(1))} GiB`;
}
