import { apiGroup, type KubeObject, type NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/** A pod template inside a workload, with the path to it. */
export interface PodTemplate {
  object: KubeObject;
  /** Path to the pod `spec` inside the object. */
  specPath: NodePath;
  spec: Record<string, unknown>;
  /** Path to the pod template's `metadata` (the object's own metadata for a bare Pod). */
  metadataPath: NodePath;
  metadata: Record<string, unknown> | undefined;
}

export interface ContainerRef {
  template: PodTemplate;
  /** `containers` or `initContainers`. */
  list: 'containers' | 'initContainers';
  index: number;
  path: NodePath;
  container: Record<string, unknown>;
  name: string;
}

const TEMPLATE_WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

/** Workload kinds that run pods, for rules about namespaces with workloads. */
export function isWorkload(object: KubeObject): boolean {
  return podTemplateOf(object) !== undefined;
}

export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const group = apiGroup(object.apiVersion);
  if (object.kind === 'Pod' && group === '') return template(object, ['spec'], ['metadata']);
  if (object.kind === 'CronJob' && group === 'batch') {
    return template(object, ['spec', 'jobTemplate', 'spec', 'template', 'spec'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata']);
  }
  const builtin = TEMPLATE_WORKLOADS.has(object.kind) && (group === 'apps' || group === 'batch' || group === '');
  const rollout = object.kind === 'Rollout' && group === 'argoproj.io';
  if (builtin || rollout) return template(object, ['spec', 'template', 'spec'], ['spec', 'template', 'metadata']);
  return undefined;
}

export function containersOf(template: PodTemplate): ContainerRef[] {
  const result: ContainerRef[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    const items = template.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, index) => {
      const container = asRecord(item);
      if (!container) return;
      result.push({
        template,
        list,
        index,
        path: [...template.specPath, list, index],
        container,
        name: typeof container.name === 'string' ? container.name : `#${index}`,
      });
    });
  }
  return result;
}

/** Every container of every workload among `objects` (its object is `ref.template.object`). */
export function containersIn(objects: readonly KubeObject[]): ContainerRef[] {
  return objects.flatMap((object) => {
    const template = podTemplateOf(object);
    return template ? containersOf(template) : [];
  });
}

function template(object: KubeObject, specPath: string[], metadataPath: string[]): PodTemplate | undefined {
  const spec = asRecord(getIn(object.body, specPath));
  if (!spec) return undefined;
  return { object, specPath, spec, metadataPath, metadata: asRecord(getIn(object.body, metadataPath)) };
}

/** Reads a nested value by path; undefined when any step is missing. */
export function getIn(value: unknown, path: NodePath): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
