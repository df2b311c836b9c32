import type { NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { containersOfRelease, type AppTemplateRelease } from './app-template.js';
import { reference, valueFromReferences, type ObjectReference, type ReferencedKind } from './object-references.js';

/**
 * The ConfigMaps, Secrets and PersistentVolumeClaims an app-template release's pods name by plain
 * name, as the common library renders them: `envFrom` (`secretRef`, `configMapRef`, `secret`,
 * `configMap`), `env` (list or map, `valueFrom` or its shorthand) and `persistence` (`existingClaim`,
 * `type: secret|configMap` with `name`). Names the chart passes through `tpl` may use
 * `{{ .Release.Name }}` and `{{ .Release.Namespace }}`; anything else templated is left unresolved.
 * References by `identifier` name the chart's own objects, which the chart itself checks.
 */
export function appTemplateReferences(release: AppTemplateRelease): ObjectReference[] {
  const references: ObjectReference[] = [];
  const tpl = (value: unknown) => renderReleaseTemplate(value, release);
  const chartMade = (section: 'secrets' | 'configMaps', id: unknown) => typeof id === 'string' && isEnabled(asRecord(release.values[section])?.[id]);
  for (const container of containersOfRelease(release)) {
    const envFrom = container.values.envFrom;
    (Array.isArray(envFrom) ? envFrom : []).forEach((item, index) => {
      const entry = asRecord(item);
      if (!entry) return;
      const at = [...container.pathOf('envFrom'), index];
      for (const [field, refField, kind, section] of [['secret', 'secretRef', 'Secret', 'secrets'], ['configMap', 'configMapRef', 'ConfigMap', 'configMaps']] as const) {
        if (typeof entry[field] === 'string') {
          if (!chartMade(section, entry[field])) references.push(reference(kind, tpl(entry[field]), false, [...at, field], 'env'));
        } else if (asRecord(entry[refField]) && asRecord(entry[refField])!.identifier === undefined) {
          const target = asRecord(entry[refField])!;
          references.push(reference(kind, tpl(target.name), target.optional, [...at, refField, 'name'], 'env'));
        }
      }
    });
    const env = container.values.env;
    const entries: [string | number, unknown][] = Array.isArray(env) ? env.map((item, index) => [index, item]) : Object.entries(asRecord(env) ?? {});
    for (const [key, item] of entries) {
      const value = asRecord(item);
      if (!value || 'value' in value) continue;
      // The chart passes valueFrom through without tpl, and takes a map without `valueFrom` as one.
      const valueFrom = asRecord(value.valueFrom) ? asRecord(value.valueFrom) : value;
      const path = [...container.pathOf('env'), key, ...(asRecord(value.valueFrom) ? ['valueFrom'] : [])];
      references.push(...valueFromReferences(valueFrom, path).map(withoutTemplates));
    }
  }
  for (const [id, item] of Object.entries(asRecord(release.values.persistence) ?? {})) {
    const persistence = asRecord(item);
    if (!persistence || !isEnabled(persistence)) continue;
    const at: NodePath = [...release.path, 'persistence', id];
    const type = persistence.type ?? 'persistentVolumeClaim';
    if (type === 'persistentVolumeClaim' && persistence.existingClaim !== undefined) references.push(reference('PersistentVolumeClaim', tpl(persistence.existingClaim), false, [...at, 'existingClaim'], 'claim'));
    if ((type === 'secret' || type === 'configMap') && persistence.name !== undefined) references.push(reference(type === 'secret' ? 'Secret' : 'ConfigMap', tpl(persistence.name), false, [...at, 'name'], 'mount'));
  }
  return references;
}

/** What an app-template release creates itself, so that its pods' references to it are not missing. */
export interface AppTemplateProducts {
  /** Kinds the chart names `<fullname>` or `<fullname>-<something>`. */
  prefixed: Set<ReferencedKind>;
  /** Names given outright (`forceRename`, an ExternalSecret's `target.name`, a volumeClaimTemplate's prefix). */
  exact: { kind: ReferencedKind; name: string; prefix: boolean }[];
  /** `rawResources` can be any object at all. */
  anything: boolean;
}

export function appTemplateProducts(release: AppTemplateRelease): AppTemplateProducts {
  const products: AppTemplateProducts = { prefixed: new Set(), exact: [], anything: false };
  const enabledIn = (section: string) => Object.values(asRecord(release.values[section]) ?? {}).filter(isEnabled).map((value) => asRecord(value) ?? {});
  const sections: [string, ReferencedKind][] = [['secrets', 'Secret'], ['externalSecrets', 'Secret'], ['configMaps', 'ConfigMap']];
  for (const [section, kind] of sections) {
    for (const entry of enabledIn(section)) {
      products.prefixed.add(kind);
      for (const name of [entry.forceRename, asRecord(entry.target)?.name]) {
        const rendered = renderReleaseTemplate(name, release);
        if (rendered) products.exact.push({ kind, name: rendered, prefix: false });
      }
    }
  }
  for (const entry of enabledIn('persistence')) {
    if ((entry.type ?? 'persistentVolumeClaim') === 'persistentVolumeClaim' && entry.existingClaim === undefined) products.prefixed.add('PersistentVolumeClaim');
  }
  for (const controller of Object.values(asRecord(release.values.controllers) ?? {})) {
    const templates = asRecord(asRecord(controller)?.statefulset)?.volumeClaimTemplates;
    for (const template of Array.isArray(templates) ? templates : []) {
      const name = asRecord(template)?.name;
      if (typeof name === 'string') products.exact.push({ kind: 'PersistentVolumeClaim', name: `${name}-`, prefix: true });
    }
  }
  products.anything = enabledIn('rawResources').length > 0;
  return products;
}

/** A value the chart passes through `tpl`, with the release's name and namespace filled in; undefined when more is templated. */
export function renderReleaseTemplate(value: unknown, release: AppTemplateRelease): string | undefined {
  if (typeof value !== 'string') return undefined;
  const rendered = value.replace(/\{\{-?\s*\.Release\.(Name|Namespace)\s*-?\}\}/g, (_, field: string) => (field === 'Name' ? release.releaseName : (release.namespace ?? '{{')));
  return rendered.includes('{{') ? undefined : rendered;
}

const isEnabled = (value: unknown) => asRecord(value) !== undefined && asRecord(value)!.enabled !== false;

/** A `valueFrom` name the chart does not render: templates in it reach the API server as written. */
function withoutTemplates(ref: ObjectReference): ObjectReference {
  return ref.name?.includes('{{') ? { ...ref, name: undefined } : ref;
}
