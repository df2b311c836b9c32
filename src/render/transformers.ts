import { isClusterScopedIn, type KindScope } from './kind-scope.js';

type JsonObject = Record<string, unknown>;

/** Kinds whose pod template lives at spec.template, and where their selectors are. */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);
const MATCH_LABEL_SELECTOR_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'PodDisruptionBudget']);

export function setNamespace(objects: JsonObject[], namespace: string, scope: KindScope): void {
  for (const object of objects) {
    // kustomize renames Namespace objects in the build to the namespace it sets.
    if (object.kind === 'Namespace' && object.apiVersion === 'v1') metadataOf(object).name = namespace;
    if (isClusterScopedIn(object, scope)) continue;
    metadataOf(object).namespace = namespace;
    // kustomize also moves ServiceAccount subjects of role bindings that had no namespace.
    if (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding') {
      for (const subject of Array.isArray(object.subjects) ? (object.subjects as JsonObject[]) : []) {
        if (subject?.kind === 'ServiceAccount' && (subject.namespace === undefined || subject.namespace === 'default')) subject.namespace = namespace;
      }
    }
  }
}

/** commonLabels and `labels:` entries: metadata always; selectors and templates as asked. */
export function addLabels(objects: JsonObject[], labels: Record<string, string>, options: { selectors: boolean; templates: boolean }): void {
  for (const object of objects) {
    addTo(metadataOf(object), 'labels', labels);
    const kind = String(object.kind);
    const spec = asObject(object.spec);
    if (!spec) continue;
    if (options.templates || options.selectors) {
      for (const template of templatesOf(object)) addTo(metadataOf(template), 'labels', labels);
      // A CronJob's job template carries them too.
      if (kind === 'CronJob') addTo(metadataOf(objectAt(spec, 'jobTemplate')), 'labels', labels);
    }
    if (!options.selectors) continue;
    if (MATCH_LABEL_SELECTOR_KINDS.has(kind)) addTo(objectAt(spec, 'selector'), 'matchLabels', labels);
    if (kind === 'Service' || kind === 'ReplicationController') addTo(spec, 'selector', labels);
    if (kind === 'NetworkPolicy') {
      // kustomize only extends selectors that have matchLabels (create: false): `podSelector: {}` keeps selecting every pod.
      const selectors = [spec.podSelector, ...peers(spec.ingress, 'from'), ...peers(spec.egress, 'to')];
      for (const selector of selectors.map(asObject)) if (selector && asObject(selector.matchLabels)) addTo(selector, 'matchLabels', labels);
    }
  }
}

export function addAnnotations(objects: JsonObject[], annotations: Record<string, string>): void {
  for (const object of objects) {
    addTo(metadataOf(object), 'annotations', annotations);
    for (const template of templatesOf(object)) addTo(metadataOf(template), 'annotations', annotations);
    // As for labels, a CronJob's job template carries them too.
    if (object.kind === 'CronJob' && asObject(object.spec)) addTo(metadataOf(objectAt(asObject(object.spec)!, 'jobTemplate')), 'annotations', annotations);
  }
}

/** Flux's `spec.commonMetadata`: labels and annotations on each object's own metadata (not its pod templates), winning over its own. */
export function setCommonMetadata(objects: JsonObject[], labels: Record<string, string>, annotations: Record<string, string>): void {
  for (const object of objects) {
    addTo(metadataOf(object), 'labels', labels);
    addTo(metadataOf(object), 'annotations', annotations);
  }
}

export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export function setImages(objects: JsonObject[], images: ImageOverride[]): void {
  for (const object of objects) {
    for (const spec of podSpecsOf(object)) {
      for (const list of ['containers', 'initContainers']) {
        for (const container of Array.isArray(spec[list]) ? (spec[list] as JsonObject[]) : []) {
          if (typeof container?.image !== 'string') continue;
          const image = container.image;
          const name = image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');
          const override = images.find((candidate) => candidate.name === name);
          if (!override) continue;
          const tag = override.digest ? `@${override.digest}` : override.newTag ? `:${override.newTag}` : image.slice(name.length);
          container.image = `${override.newName ?? name}${tag}`;
        }
      }
    }
  }
}

export function setReplicas(objects: JsonObject[], replicas: { name: string; count: number }[]): void {
  for (const object of objects) {
    const entry = replicas.find((candidate) => candidate.name === metadataOf(object).name);
    const spec = asObject(object.spec);
    if (entry && spec && (TEMPLATE_KINDS.has(String(object.kind)) || 'replicas' in spec)) spec.replicas = entry.count;
  }
}

/** Pod templates of workloads (CronJob through its job template). */
export function templatesOf(object: JsonObject): JsonObject[] {
  const spec = asObject(object.spec);
  if (!spec) return [];
  if (object.kind === 'CronJob') {
    const template = asObject(asObject(asObject(spec.jobTemplate)?.spec)?.template);
    return template ? [template] : [];
  }
  const template = TEMPLATE_KINDS.has(String(object.kind)) ? asObject(spec.template) : undefined;
  return template ? [template] : [];
}

export function podSpecsOf(object: JsonObject): JsonObject[] {
  if (object.kind === 'Pod') return asObject(object.spec) ? [object.spec as JsonObject] : [];
  return templatesOf(object).map((template) => asObject(template.spec)).filter((spec): spec is JsonObject => spec !== undefined);
}

export function metadataOf(object: JsonObject): JsonObject {
  return objectAt(object, 'metadata');
}

/** The podSelectors of a NetworkPolicy's ingress `from` or egress `to` peers. */
function peers(rules: unknown, field: 'from' | 'to'): unknown[] {
  return (Array.isArray(rules) ? rules : []).flatMap((rule) => {
    const list = asObject(rule)?.[field];
    return Array.isArray(list) ? list.map((peer) => asObject(peer)?.podSelector) : [];
  });
}

function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = asObject(parent[key]);
  if (existing) return existing;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

function addTo(parent: JsonObject, key: string, values: Record<string, string>): void {
  if (Object.keys(values).length === 0) return;
  parent[key] = { ...asObject(parent[key]), ...values };
}

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}
