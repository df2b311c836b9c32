import type { KubeObject, NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { getIn } from './pod-templates.js';
import { isArgoApplication, isArgoApplicationSet } from './kinds.js';

/** An Application spec, either an Application's own or an ApplicationSet's template. */
export interface ArgoAppSpec {
  object: KubeObject;
  specPath: NodePath;
  spec: Record<string, unknown>;
}

export function argoAppSpecs(objects: readonly KubeObject[]): ArgoAppSpec[] {
  const specs: ArgoAppSpec[] = [];
  for (const object of objects) {
    const specPath = isArgoApplication(object) ? ['spec'] : isArgoApplicationSet(object) ? ['spec', 'template', 'spec'] : undefined;
    const spec = specPath && asRecord(getIn(object.body, specPath));
    if (specPath && spec) specs.push({ object, specPath, spec });
  }
  return specs;
}

/** `spec.source` and every `spec.sources[]`, with their paths. */
export function argoSources(app: ArgoAppSpec): { path: NodePath; source: Record<string, unknown> }[] {
  const result: { path: NodePath; source: Record<string, unknown> }[] = [];
  const single = asRecord(app.spec.source);
  if (single) result.push({ path: [...app.specPath, 'source'], source: single });
  if (Array.isArray(app.spec.sources)) {
    app.spec.sources.forEach((item, index) => {
      const source = asRecord(item);
      if (source) result.push({ path: [...app.specPath, 'sources', index], source });
    });
  }
  return result;
}

/** True for a value that an ApplicationSet or Flux fills in later (`{{ … }}`, `${…}`). */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && (value.includes('{{') || value.includes('${'));
}
