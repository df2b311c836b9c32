import { asList, asRecord } from '../repo/parse.js';

type JsonObject = Record<string, unknown>;

/** Which kind of object is meant: kustomize's gvk of a transformer config (group/version optional). */
interface KindMatcher {
  kind?: string;
  group?: string;
  version?: string;
}

/** A `nameReference` entry: where objects of `referral`'s kind are referred to by name. */
export interface NameReference {
  referral: KindMatcher;
  fieldSpecs: { referrer: KindMatcher; path: string[] }[];
}

/**
 * kustomize's own name references outside pod specs (its builtin nameReference config, the fields
 * homelab objects use): what a namePrefix, nameSuffix or generated hash renames, these follow.
 */
export const BUILTIN_NAME_REFERENCES: readonly NameReference[] = [
  ...['Deployment', 'StatefulSet', 'ReplicaSet'].map((kind) => reference(kind, [['HorizontalPodAutoscaler', 'spec/scaleTargetRef/name']])),
  reference('Service', [
    ['StatefulSet', 'spec/serviceName'],
    ['Ingress', 'spec/rules/http/paths/backend/service/name'],
    ['Ingress', 'spec/defaultBackend/service/name'],
    ['Ingress', 'spec/rules/http/paths/backend/serviceName'],
    ['Ingress', 'spec/backend/serviceName'],
    ['APIService', 'spec/service/name'],
    ['ValidatingWebhookConfiguration', 'webhooks/clientConfig/service/name'],
    ['MutatingWebhookConfiguration', 'webhooks/clientConfig/service/name'],
  ]),
  reference('Secret', [
    ['Ingress', 'spec/tls/secretName'],
    ['ServiceAccount', 'imagePullSecrets/name'],
    ['ServiceAccount', 'secrets/name'],
  ]),
  reference('Role', [['RoleBinding', 'roleRef/name']]),
  reference('ClusterRole', [
    ['RoleBinding', 'roleRef/name'],
    ['ClusterRoleBinding', 'roleRef/name'],
  ]),
  reference('PersistentVolume', [['PersistentVolumeClaim', 'spec/volumeName']]),
  reference('IngressClass', [['Ingress', 'spec/ingressClassName']]),
];

function reference(kind: string, fieldSpecs: [string, string][]): NameReference {
  return { referral: { kind }, fieldSpecs: fieldSpecs.map(([referrer, path]) => ({ referrer: { kind: referrer }, path: path.split('/') })) };
}

/** Sections of a transformer config (`configurations:` files) other than `nameReference`, which hctl does not apply. */
const OTHER_SECTIONS = ['namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'commonAnnotations', 'labels', 'images', 'replicas', 'varReference', 'templateLabels'];

/**
 * Reads one transformer config file of a kustomization's `configurations:`. Only `nameReference`
 * is applied (what homelab repos use it for: a HelmRelease's `valuesFrom` following a generated
 * ConfigMap's hashed name); a file that configures anything else is reported as not rendered.
 */
export function readNameReferences(config: JsonObject): { references: NameReference[]; unsupported?: string } {
  const unsupported = OTHER_SECTIONS.find((section) => config[section] !== undefined);
  if (unsupported) return { references: [], unsupported };
  const references = asList(config.nameReference).map((entry): NameReference => {
    const record = asRecord(entry) ?? {};
    return {
      referral: kindMatcher(record),
      fieldSpecs: asList(record.fieldSpecs).map((spec) => {
        const fieldSpec = asRecord(spec) ?? {};
        return { referrer: kindMatcher(fieldSpec), path: splitPath(String(fieldSpec.path ?? '')) };
      }),
    };
  });
  return { references };
}

/**
 * Renames what `body` refers to at each field spec whose referrer matches it: `renamed` gives the
 * new name of a referral of `referral`'s kind, or undefined. Sequences on the path are walked
 * through, as kustomize does (`spec/valuesFrom/name` reaches every entry of valuesFrom).
 */
export function renameConfiguredReferences(body: JsonObject, references: readonly NameReference[], renamed: (referral: KindMatcher, name: unknown) => string | undefined): void {
  for (const reference of references) {
    for (const { referrer, path } of reference.fieldSpecs) {
      if (!matchesKind(body, referrer)) continue;
      renameAt(body, path, (name) => renamed(reference.referral, name));
    }
  }
}

/** Whether an object is of the kind a matcher names (kind, group, version each optional). */
export function matchesKind(body: JsonObject, matcher: KindMatcher): boolean {
  const apiVersion = String(body.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  return (!matcher.kind || matcher.kind === body.kind) && (matcher.group === undefined || matcher.group === group) && (!matcher.version || matcher.version === version);
}

function renameAt(holder: unknown, path: readonly string[], rename: (name: unknown) => string | undefined): void {
  if (Array.isArray(holder)) {
    for (const item of holder) renameAt(item, path, rename);
    return;
  }
  const record = asRecord(holder);
  if (!record || path.length === 0) return;
  const [field, ...rest] = path as [string, ...string[]];
  if (rest.length > 0) return renameAt(record[field], rest, rename);
  if (Array.isArray(record[field])) {
    record[field] = (record[field] as unknown[]).map((name) => rename(name) ?? name);
    return;
  }
  const next = rename(record[field]);
  if (next !== undefined) record[field] = next;
}

function kindMatcher(record: JsonObject): KindMatcher {
  const matcher: KindMatcher = {};
  if (typeof record.kind === 'string') matcher.kind = record.kind;
  if (typeof record.group === 'string') matcher.group = record.group;
  if (typeof record.version === 'string') matcher.version = record.version;
  return matcher;
}

/** kustomize field paths: `/`-separated, `\/` for a slash inside a key. */
function splitPath(path: string): string[] {
  return path
    .split(/(?<!\\)\//)
    .filter(Boolean)
    .map((part) => part.replace(/\\\//g, '/'));
}
