import { podTemplateOf, type PodTemplate } from '../../k8s/pod-templates.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Node constraints as alternatives (any one may hold), each a label key → the values it allows. */
type Alternatives = Map<string, Set<string>>[];

const HOSTNAME = 'kubernetes.io/hostname';

export default {
  meta: {
    id: 'workload-volume-node-conflict',
    domain: 'workloads',
    severity: 'critical',
    title: 'A workload pinned to nodes that its local PersistentVolume cannot reach (its pods stay Pending)',
    source: 'W17; platform-lab commit 96cb3be "change nodeSelector to k8s-cp01 to match PV location"',
  },
  check(context) {
    const volumes = new Map<string, KubeObject>();
    for (const object of context.applied) if (object.kind === 'PersistentVolume' && object.apiVersion === 'v1' && object.name) volumes.set(object.name, object);
    if (volumes.size === 0) return;
    // Which volume each claim is bound to, from either side of the binding.
    const bound = new Map<string, KubeObject>();
    for (const volume of volumes.values()) {
      const claim = asRecord(asRecord(volume.body.spec)?.claimRef);
      if (typeof claim?.name === 'string') bound.set(`${String(claim.namespace ?? 'default')}/${claim.name}`, volume);
    }
    for (const object of context.applied) {
      const name = asRecord(object.body.spec)?.volumeName;
      const volume = typeof name === 'string' ? volumes.get(name) : undefined;
      if (object.kind === 'PersistentVolumeClaim' && object.apiVersion === 'v1' && volume) bound.set(`${object.namespace ?? 'default'}/${object.name}`, volume);
    }
    for (const object of context.applied) {
      const template = podTemplateOf(object);
      if (!template) continue;
      const pin = podPin(template);
      if (!pin) continue;
      for (const entry of asList(template.spec.volumes)) {
        const claim = asRecord(asRecord(entry)?.persistentVolumeClaim)?.claimName;
        const volume = typeof claim === 'string' ? bound.get(`${object.namespace ?? 'default'}/${claim}`) : undefined;
        if (!volume) continue;
        const placement = alternatives(asRecord(asRecord(asRecord(volume.body.spec)?.nodeAffinity)?.required)?.nodeSelectorTerms);
        if (placement.length === 0 || !contradicts(pin.alternatives, placement)) continue;
        context.report({
          object,
          path: [...template.specPath, ...pin.path],
          key: true,
          message: `its pods are pinned to ${describe(pin.alternatives)} (${pin.path[0]}), but claim ${claim} is bound to PersistentVolume ${volume.name}, which lives on ${describe(placement)}: the pods stay Pending ("volume node affinity conflict")`,
          hint: `Pin the pods to the node that holds the volume (${describe(placement)}), or move the volume: a local PersistentVolume does not follow its pods.`,
        });
      }
    }
  },
} satisfies Rule;

/** The template's node pin: nodeName, nodeSelector and required node affinity, with where it is written. */
function podPin(template: PodTemplate): { alternatives: Alternatives; path: NodePath } | undefined {
  const spec = template.spec;
  const base = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(asRecord(spec.nodeSelector) ?? {})) base.set(key, new Set([String(value)]));
  if (typeof spec.nodeName === 'string') narrow(base, HOSTNAME, new Set([spec.nodeName]));
  const terms = asRecord(asRecord(asRecord(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms;
  const affinity = alternatives(terms);
  const combined = affinity.length === 0 ? [base] : affinity.map((term) => [...base].reduce((merged, [key, values]) => narrow(merged, key, values), term));
  if (combined.every((term) => term.size === 0)) return undefined;
  const path: NodePath =
    typeof spec.nodeName === 'string'
      ? ['nodeName']
      : spec.nodeSelector !== undefined
        ? ['nodeSelector']
        : ['affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
  return { alternatives: combined, path };
}

/** `nodeSelectorTerms` as alternatives. Only `In` constrains values hctl can compare; other operators leave the key open. */
function alternatives(terms: unknown): Alternatives {
  return asList(terms).map((term) => {
    const constraints = new Map<string, Set<string>>();
    for (const expression of asList(asRecord(term)?.matchExpressions)) {
      const { key, operator, values } = (asRecord(expression) ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
      if (typeof key === 'string' && operator === 'In' && Array.isArray(values)) narrow(constraints, key, new Set(values.map(String)));
    }
    return constraints;
  });
}

/** Adds a constraint to a term: a key constrained twice allows only what both allow. */
function narrow(term: Map<string, Set<string>>, key: string, values: Set<string>): Map<string, Set<string>> {
  const existing = term.get(key);
  term.set(key, existing ? new Set([...existing].filter((value) => values.has(value))) : values);
  return term;
}

/** No pod alternative is compatible with any volume alternative: each pair wants disjoint values of some label. */
function contradicts(pod: Alternatives, volume: Alternatives): boolean {
  return pod.every((podTerm) => volume.every((volumeTerm) => [...podTerm].some(([key, values]) => {
    const allowed = volumeTerm.get(key);
    return allowed !== undefined && ![...values].some((value) => allowed.has(value));
  })));
}

function describe(alternatives: Alternatives): string {
  return alternatives
    .map((term) => [...term].map(([key, values]) => `${key} ${[...values].join(' or ') || '(none)'}`).join(', '))
    .join('; or ');
}
