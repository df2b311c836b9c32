import type { NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { containersOf, type PodTemplate } from './pod-templates.js';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';

/** What a missing object does to the one that needs it: the symptom a user would see. */
export type ReferenceEffect = 'mount' | 'env' | 'claim' | 'values';

/** A name that must exist in the referencing object's namespace. */
export interface ObjectReference {
  kind: ReferencedKind;
  /** Undefined when it is not a plain name hctl can resolve (a template, a number). */
  name: string | undefined;
  optional: boolean;
  /** Where the name is written. */
  path: NodePath;
  effect: ReferenceEffect;
}

/** Every ConfigMap, Secret and PersistentVolumeClaim a pod template names: volumes (projected too), envFrom and env. */
export function podTemplateReferences(template: PodTemplate): ObjectReference[] {
  const references: ObjectReference[] = [];
  const volumes = Array.isArray(template.spec.volumes) ? template.spec.volumes : [];
  volumes.forEach((item, index) => {
    const volume = asRecord(item);
    if (!volume) return;
    const base = [...template.specPath, 'volumes', index];
    references.push(...volumeReferences(volume, base));
    const sources = asRecord(volume.projected)?.sources;
    (Array.isArray(sources) ? sources : []).forEach((source, at) => references.push(...volumeReferences(asRecord(source) ?? {}, [...base, 'projected', 'sources', at])));
  });
  for (const ref of containersOf(template)) references.push(...containerEnvReferences(ref.container, ref.path));
  return references;
}

/** A volume's (or projected source's) `configMap.name`, `secret.secretName` (`secret.name` when projected), `persistentVolumeClaim.claimName`. */
function volumeReferences(volume: Record<string, unknown>, base: NodePath): ObjectReference[] {
  const references: ObjectReference[] = [];
  const configMap = asRecord(volume.configMap);
  if (configMap) references.push(reference('ConfigMap', configMap.name, configMap.optional, [...base, 'configMap', 'name'], 'mount'));
  const secret = asRecord(volume.secret);
  if (secret) {
    const field = 'secretName' in secret ? 'secretName' : 'name';
    references.push(reference('Secret', secret[field], secret.optional, [...base, 'secret', field], 'mount'));
  }
  const claim = asRecord(volume.persistentVolumeClaim);
  if (claim) references.push(reference('PersistentVolumeClaim', claim.claimName, false, [...base, 'persistentVolumeClaim', 'claimName'], 'claim'));
  return references;
}

/** A container's `envFrom[].configMapRef|secretRef` and `env[].valueFrom.configMapKeyRef|secretKeyRef`. */
export function containerEnvReferences(container: Record<string, unknown>, path: NodePath): ObjectReference[] {
  const references: ObjectReference[] = [];
  (Array.isArray(container.envFrom) ? container.envFrom : []).forEach((entry, index) => {
    for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
      const target = asRecord(asRecord(entry)?.[field]);
      if (target) references.push(reference(kind, target.name, target.optional, [...path, 'envFrom', index, field, 'name'], 'env'));
    }
  });
  (Array.isArray(container.env) ? container.env : []).forEach((entry, index) => {
    references.push(...valueFromReferences(asRecord(asRecord(entry)?.valueFrom), [...path, 'env', index, 'valueFrom']));
  });
  return references;
}

/** `configMapKeyRef` and `secretKeyRef` of one `valueFrom`. */
export function valueFromReferences(valueFrom: Record<string, unknown> | undefined, path: NodePath): ObjectReference[] {
  const references: ObjectReference[] = [];
  for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
    const target = asRecord(valueFrom?.[field]);
    if (target) references.push(reference(kind, target.name, target.optional, [...path, field, 'name'], 'env'));
  }
  return references;
}

export function reference(kind: ReferencedKind, name: unknown, optional: unknown, path: NodePath, effect: ReferenceEffect): ObjectReference {
  return { kind, name: typeof name === 'string' && name !== '' ? name : undefined, optional: optional === true, path, effect };
}
