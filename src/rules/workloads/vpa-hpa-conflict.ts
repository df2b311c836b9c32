import { getIn } from '../../k8s/pod-templates.js';
import { scaleTargetOf } from '../../k8s/scale-target.js';
import { apiGroup, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const RESOURCES = ['cpu', 'memory'] as const;
type Resource = (typeof RESOURCES)[number];

/** An autoscaler that scales a workload's replicas on its CPU or memory use. */
interface HorizontalScaler {
  object: KubeObject;
  target: string;
  resources: Set<Resource>;
}

/** VPA modes that change running pods' requests; `Off` only recommends, `Initial` only sets them at creation. */
const UPDATING_MODES = new Set(['Auto', 'Recreate', 'InPlaceOrRecreate']);

export default {
  meta: {
    id: 'vpa-hpa-conflict',
    domain: 'workloads',
    severity: 'warning',
    title: 'A VerticalPodAutoscaler that resizes pods an HPA scales on the same resource',
    source: 'W9; gitops_homelab commit "stop ArgoCD HPA thrashing caused by VPA Auto mode"; the VPA README: do not use it with an HPA on CPU or memory',
  },
  check(context) {
    const scalers = context.applied.flatMap((object) => horizontalScaler(object) ?? []);
    if (scalers.length === 0) return;
    for (const vpa of context.applied) {
      if (vpa.kind !== 'VerticalPodAutoscaler' || apiGroup(vpa.apiVersion) !== 'autoscaling.k8s.io') continue;
      const written = getIn(vpa.body, ['spec', 'updatePolicy', 'updateMode']);
      const mode = written ?? 'Auto';
      if (typeof mode !== 'string' || !UPDATING_MODES.has(mode)) continue;
      const kind = getIn(vpa.body, ['spec', 'targetRef', 'kind']);
      const name = getIn(vpa.body, ['spec', 'targetRef', 'name']);
      if (typeof kind !== 'string' || typeof name !== 'string') continue;
      const controlled = controlledResources(vpa);
      for (const scaler of scalers) {
        if (scaler.target !== `${kind}/${name}` || !sameScope(scaler.object, vpa)) continue;
        const shared = RESOURCES.filter((resource) => controlled.has(resource) && scaler.resources.has(resource));
        if (shared.length === 0) continue;
        // No updatePolicy means Auto: point at the target it resizes.
        const path: NodePath = written === undefined ? ['spec', 'targetRef'] : ['spec', 'updatePolicy', 'updateMode'];
        context.report({
          object: vpa,
          path,
          key: written === undefined,
          message: `resizes ${kind} ${name} in mode ${mode} while ${scaler.object.kind} ${scaler.object.name ?? ''} scales it on ${shared.join(' and ')}: each resize moves the utilisation the HPA reads, and the two thrash`,
          hint: `Set spec.updatePolicy.updateMode: "Off" (recommendations only) or "Initial", or leave ${shared.join(' and ')} to the HPA (resourcePolicy.containerPolicies[].controlledResources), or scale the HPA on another metric.`,
        });
        break;
      }
    }
  },
} satisfies Rule;

/** An HPA, or a KEDA ScaledObject (which makes one), scaling on CPU or memory; undefined otherwise. */
function horizontalScaler(object: KubeObject): HorizontalScaler | undefined {
  const target = scaleTargetOf(object);
  if (!target) return undefined;
  if (target.via === 'HPA') return withResources(object, `${target.kind}/${target.name}`, hpaResources(object));
  const triggers = getIn(object.body, ['spec', 'triggers']);
  return withResources(object, `${target.kind}/${target.name}`, (Array.isArray(triggers) ? triggers : []).map((trigger) => asRecord(trigger)?.type));
}

function withResources(object: KubeObject, target: string, names: unknown[]): HorizontalScaler | undefined {
  const resources = new Set(RESOURCES.filter((resource) => names.includes(resource)));
  return resources.size > 0 ? { object, target, resources } : undefined;
}

/** autoscaling/v1 scales on CPU only; v2 on its `metrics`, CPU at 80 % when there are none. */
function hpaResources(hpa: KubeObject): unknown[] {
  const metrics = getIn(hpa.body, ['spec', 'metrics']);
  if (!Array.isArray(metrics) || metrics.length === 0) return ['cpu'];
  return metrics.map((metric) => {
    const record = asRecord(metric) ?? {};
    if (record.type === 'Resource') return getIn(record, ['resource', 'name']);
    if (record.type === 'ContainerResource') return getIn(record, ['containerResource', 'name']);
    return undefined;
  });
}

/** What the VPA changes: CPU and memory unless every container policy says otherwise. */
function controlledResources(vpa: KubeObject): Set<Resource> {
  const policies = getIn(vpa.body, ['spec', 'resourcePolicy', 'containerPolicies']);
  const entries = (Array.isArray(policies) ? policies : []).map((policy) => asRecord(policy) ?? {});
  // Without a policy for every container ("*"), containers without one get the defaults.
  const controlled = new Set<Resource>(entries.some((policy) => policy.containerName === '*') ? [] : RESOURCES);
  for (const policy of entries) {
    if (policy.mode === 'Off') continue;
    const listed = Array.isArray(policy.controlledResources) ? policy.controlledResources : RESOURCES;
    for (const resource of RESOURCES) if (listed.includes(resource)) controlled.add(resource);
  }
  return controlled;
}

/** Same namespace; objects without one (Argo CD sets it per Application) only when they sit side by side. */
function sameScope(a: KubeObject, b: KubeObject): boolean {
  if (a.namespace !== undefined || b.namespace !== undefined) return a.namespace === b.namespace;
  const directory = (object: KubeObject) => object.source?.file.replace(/[^/]*$/, '');
  return directory(a) === directory(b);
}
