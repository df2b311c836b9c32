import { apiGroup, type KubeObject } from '../repo/object.js';
import { asList, asRecord } from '../repo/parse.js';
import { getIn } from './pod-templates.js';
import { isNetworkPolicy } from './kinds.js';

export type Direction = 'ingress' | 'egress';

/** Which namespaces deny traffic by default, found by the policies' shape rather than their names. */
export interface DefaultDenyIndex {
  /** Namespace → names of the policies that put every pod there under default-deny. */
  byNamespace: Record<Direction, Map<string, string[]>>;
  /** Policies that cover every namespace (Cilium clusterwide, Kyverno generate rules). */
  clusterWide: Record<Direction, string[]>;
  /** True once any policy in the repo denies by default: the repo has adopted the convention. */
  adopted: boolean;
}

export function indexDefaultDeny(objects: readonly KubeObject[]): DefaultDenyIndex {
  const index: DefaultDenyIndex = {
    byNamespace: { ingress: new Map(), egress: new Map() },
    clusterWide: { ingress: [], egress: [] },
    adopted: false,
  };
  const add = (direction: Direction, namespace: string | undefined, name: string) => {
    index.adopted = true;
    if (namespace === undefined) {
      index.clusterWide[direction].push(name);
      return;
    }
    const names = index.byNamespace[direction].get(namespace) ?? [];
    names.push(name);
    index.byNamespace[direction].set(namespace, names);
  };
  for (const object of objects) {
    const name = object.name ?? '(unnamed)';
    if (isNetworkPolicy(object)) {
      if (object.namespace === undefined) continue; // its namespace is set by a build hctl has not rendered yet
      for (const direction of deniedDirections(asRecord(object.body.spec) ?? {})) add(direction, object.namespace, name);
    } else if (apiGroup(object.apiVersion) === 'cilium.io' && (object.kind === 'CiliumNetworkPolicy' || object.kind === 'CiliumClusterwideNetworkPolicy')) {
      const spec = asRecord(object.body.spec) ?? {};
      if (!selectsEverything(spec.endpointSelector)) continue;
      const namespace = object.kind === 'CiliumNetworkPolicy' ? object.namespace : undefined;
      if (object.kind === 'CiliumNetworkPolicy' && namespace === undefined) continue;
      for (const direction of ['ingress', 'egress'] as const) {
        if (spec[direction] !== undefined || spec[`${direction}Deny`] !== undefined) add(direction, namespace, name);
      }
    } else if (object.kind === 'ClusterPolicy' && apiGroup(object.apiVersion) === 'kyverno.io') {
      for (const rule of asList(getIn(object.body, ['spec', 'rules']))) {
        const generate = asRecord(asRecord(rule)?.generate);
        if (generate?.kind !== 'NetworkPolicy') continue;
        const generatedSpec = asRecord(getIn(generate, ['data', 'spec'])) ?? {};
        for (const direction of deniedDirections(generatedSpec)) add(direction, undefined, `${name} (Kyverno generate)`);
      }
    }
  }
  return index;
}

export function denyingPolicies(index: DefaultDenyIndex, direction: Direction, namespace: string): string[] {
  return [...(index.byNamespace[direction].get(namespace) ?? []), ...index.clusterWide[direction]];
}

/** Directions in which a NetworkPolicy spec selects every pod and allows only listed peers. */
export function deniedDirections(spec: Record<string, unknown>): Direction[] {
  if (!selectsEverything(spec.podSelector)) return [];
  return policyTypes(spec).filter((direction) => !asList(spec[direction]).some(isAllowAll));
}

export function policyTypes(spec: Record<string, unknown>): Direction[] {
  if (Array.isArray(spec.policyTypes)) {
    return spec.policyTypes.map((type) => String(type).toLowerCase()).filter((type): type is Direction => type === 'ingress' || type === 'egress');
  }
  // The API's defaulting: Ingress always, Egress when egress rules are present.
  return spec.egress !== undefined ? ['ingress', 'egress'] : ['ingress'];
}

/** A rule `{}` (no ports, no peers) matches all traffic. */
export function isAllowAll(rule: unknown): boolean {
  const record = asRecord(rule);
  return record !== undefined && Object.values(record).every((value) => value === null || (Array.isArray(value) && value.length === 0));
}

function selectsEverything(selector: unknown): boolean {
  if (selector === undefined || selector === null) return true;
  const record = asRecord(selector);
  if (!record) return false;
  const labels = asRecord(record.matchLabels);
  const expressions = asList(record.matchExpressions);
  return (!labels || Object.keys(labels).length === 0) && expressions.length === 0;
}
