import { isDeepStrictEqual } from 'node:util';
import { quantityBytes, quantityValue } from '../../k8s/byte-sizes.js';
import { applicationSyncOptions, objectSyncOptions } from '../../k8s/argo-sync-options.js';
import { objectIdentity } from '../../flux/identity.js';
import { apiGroup, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

type Body = Record<string, unknown>;

/** A field the API server refuses to change on an existing object, and how it changed. */
interface Change {
  path: NodePath;
  /** What the API server says (its own words where they are short). */
  refusal: string;
}

const FLUX_FORCE = 'kustomize.toolkit.fluxcd.io/force';
const ARGO_HOOK = 'argocd.argoproj.io/hook';
/** What a StatefulSet update may change; everything else in its spec is forbidden. */
const STATEFULSET_MUTABLE = new Set(['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']);
/** What a PersistentVolumeClaim update may change (the request may only grow). */
const CLAIM_MUTABLE = new Set(['resources', 'volumeAttributesClassName']);

export default {
  meta: {
    id: 'immutable-field-changed',
    domain: 'schema',
    severity: 'critical',
    title: 'A change (against --base) to a field Kubernetes will not update in place: a selector, a StatefulSet’s claim templates, a claim, a roleRef',
    source:
      'A5/A11 (immutable fields: loki StatefulSet volumeClaimTemplates, taskapp PVC storageClassName, the token Job gitops_homelab let Argo CD replace); the API server’s update validation ("field is immutable")',
  },
  check(context) {
    const base = context.base;
    if (!base) return;
    const before = new Map(base.applied.map((object) => [objectIdentity(object.body), object]));
    const recreated = recreatedByTools(context);
    const expandable = volumeExpansion(context.applied);
    for (const object of context.applied) {
      const old = before.get(objectIdentity(object.body));
      if (!old || object.sopsEncrypted) continue;
      const changes = immutableChanges(object, old.body, object.body, expandable);
      if (recreated.has(objectIdentity(object.body))) {
        // Recreating a claim deletes its volume: the change applies, the data may not survive it.
        if (object.kind === 'PersistentVolumeClaim' && changes.length > 0) {
          context.report({
            object,
            path: changes[0]!.path,
            key: true,
            severity: 'warning',
            message: `${changes.map((change) => change.path.join('.')).join(', ')} changed since ${base.ref} (${base.commit}) on a claim that is recreated rather than updated (force or Replace): the old claim is deleted, and with a Delete reclaim policy its volume and data too`,
            hint: 'Copy the data to a new claim first (VolSync, a Job with both mounted), or set the PersistentVolume to Retain before the sync.',
          });
        }
        continue;
      }
      for (const change of changes) {
        context.report({
          object,
          path: change.path,
          key: true,
          message: `${change.path.join('.')} changed since ${base.ref} (${base.commit}): ${change.refusal}, so applying it fails${fluxOrArgo(context)} until the object is deleted and created again`,
          hint: `Revert the change, or have the object recreated: Flux's ${FLUX_FORCE}: enabled annotation (or the Kustomization's spec.force), Argo CD's Replace=true sync option — deleting a PersistentVolumeClaim or a StatefulSet's claims loses their data.`,
        });
      }
    }
  },
} satisfies Rule;

function fluxOrArgo(context: RuleContext): string {
  if (context.flux.nodes.length > 0) return ' (the Flux Kustomization applying it stops at the error)';
  return context.argoBuilds.length > 0 ? ' (the Argo CD sync fails)' : '';
}

/** Objects Flux or Argo CD delete and create again instead of updating: Flux force, Argo CD Replace/Force, hooks, Jobs that clean up after themselves. */
function recreatedByTools(context: RuleContext): Set<string> {
  const recreated = new Set<string>();
  for (const object of context.applied) {
    const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
    const options = objectSyncOptions(object);
    const selfCleaning = object.kind === 'Job' && asRecord(object.body.spec)?.ttlSecondsAfterFinished !== undefined;
    if (String(annotations[FLUX_FORCE] ?? '').toLowerCase() === 'enabled' || annotations[ARGO_HOOK] !== undefined || options.get('Replace') === 'true' || options.get('Force') === 'true' || selfCleaning) recreated.add(objectIdentity(object.body));
  }
  for (const node of context.flux.nodes) {
    if (asRecord(node.object.body.spec)?.force !== true) continue;
    for (const applied of node.applies) recreated.add(objectIdentity(applied.body));
  }
  for (const { app, objects } of context.argoBuilds) {
    const options = applicationSyncOptions(app.spec);
    if (options.get('Replace') === 'true' || options.get('Force') === 'true') for (const object of objects) recreated.add(objectIdentity(object.body));
  }
  return recreated;
}

/** The immutable fields that differ between the object at the base revision and now, by kind, as the API server's update validation judges them. */
function immutableChanges(object: KubeObject, before: Body, after: Body, expandable: (claimSpec: Body) => string | undefined): Change[] {
  const group = apiGroup(object.apiVersion);
  const oldSpec = asRecord(before.spec) ?? {};
  const newSpec = asRecord(after.spec) ?? {};
  const changed = (field: string, refusal: string, path: NodePath = ['spec', field]): Change[] => (sameSpec(oldSpec[field], newSpec[field]) ? [] : [{ path, refusal }]);
  if (group === 'apps' && (object.kind === 'Deployment' || object.kind === 'ReplicaSet' || object.kind === 'DaemonSet')) {
    return changed('selector', 'the API server refuses to change a selector ("field is immutable"; labels added by kustomize commonLabels land there too)');
  }
  if (group === 'apps' && object.kind === 'StatefulSet') {
    const fields = new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)].filter((field) => !STATEFULSET_MUTABLE.has(field)));
    return [...fields].flatMap((field) =>
      sameSpec(statefulSetField(field, oldSpec[field]), statefulSetField(field, newSpec[field]))
        ? []
        : [{ path: ['spec', field], refusal: "the API server forbids updates to a StatefulSet's spec other than replicas, template, updateStrategy and a few more" }],
    );
  }
  if (group === 'batch' && object.kind === 'Job') return changed('template', 'a Job\'s pod template is immutable ("field is immutable")');
  if (group === '' && object.kind === 'Service') {
    return typeof newSpec.clusterIP === 'string' && newSpec.clusterIP !== oldSpec.clusterIP ? [{ path: ['spec', 'clusterIP'], refusal: 'a Service\'s clusterIP "may not change once set"' }] : [];
  }
  if (group === '' && object.kind === 'PersistentVolumeClaim') {
    const fields = [...new Set([...Object.keys(oldSpec), ...Object.keys(newSpec)])].filter((field) => !CLAIM_MUTABLE.has(field));
    // A field written on one side only may be the server's default (the default StorageClass, volumeMode): only a changed value counts.
    const edits = fields.filter((field) => oldSpec[field] !== undefined && newSpec[field] !== undefined && !sameSpec(oldSpec[field], newSpec[field]));
    const changes: Change[] = edits.map((field) => ({ path: ['spec', field], refusal: 'a PersistentVolumeClaim\'s spec "is immutable after creation" except its storage request' }));
    const oldSize = quantityBytes(asRecord(asRecord(oldSpec.resources)?.requests)?.storage);
    const newSize = quantityBytes(asRecord(asRecord(newSpec.resources)?.requests)?.storage);
    const storage: NodePath = ['spec', 'resources', 'requests', 'storage'];
    if (oldSize !== undefined && newSize !== undefined && newSize < oldSize) changes.push({ path: storage, refusal: 'a claim\'s storage request "can not be less than previous value"' });
    const fixedSize = oldSize !== undefined && newSize !== undefined && newSize > oldSize ? expandable(newSpec) : undefined;
    if (fixedSize) changes.push({ path: storage, refusal: `${fixedSize}, and "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize"` });
    return changes;
  }
  if ((group === '' && (object.kind === 'ConfigMap' || object.kind === 'Secret')) && before.immutable === true) {
    return ['data', 'binaryData', 'stringData', 'immutable'].flatMap((field) =>
      isDeepStrictEqual(before[field], after[field]) ? [] : [{ path: [field], refusal: `the ${object.kind} is immutable: true, so its data "is immutable" and it stays immutable` }],
    );
  }
  if (group === 'rbac.authorization.k8s.io' && (object.kind === 'RoleBinding' || object.kind === 'ClusterRoleBinding')) {
    return isDeepStrictEqual(before.roleRef, after.roleRef) ? [] : [{ path: ['roleRef'], refusal: 'a binding\'s roleRef "cannot change"' }];
  }
  if (group === 'storage.k8s.io' && object.kind === 'StorageClass') {
    const defaults: Body = { reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' };
    return ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'].flatMap((field) =>
      isDeepStrictEqual(before[field] ?? defaults[field], after[field] ?? defaults[field]) ? [] : [{ path: [field], refusal: `a StorageClass's ${field} is immutable ("Forbidden: updates to ${field} are forbidden")` }],
    );
  }
  return [];
}

/**
 * Why a claim with this spec cannot grow, when the repository says so: it names no class, or its
 * StorageClass (named, or the repository's default) does not set allowVolumeExpansion. A class the
 * repository does not define (a chart's, the distribution's) is not judged.
 */
function volumeExpansion(objects: readonly KubeObject[]): (claimSpec: Body) => string | undefined {
  const classes = new Map<string, Body>();
  let defaultClass: string | undefined;
  for (const object of objects) {
    if (object.kind !== 'StorageClass' || apiGroup(object.apiVersion) !== 'storage.k8s.io' || !object.name) continue;
    classes.set(object.name, object.body);
    if (asRecord(asRecord(object.body.metadata)?.annotations)?.['storageclass.kubernetes.io/is-default-class'] === 'true') defaultClass = object.name;
  }
  return (claimSpec) => {
    const named = claimSpec.storageClassName;
    if (named === '') return 'it names no StorageClass (storageClassName: "", a volume made by hand)';
    const name = typeof named === 'string' ? named : defaultClass;
    const storageClass = name ? classes.get(name) : undefined;
    return storageClass && storageClass.allowVolumeExpansion !== true ? `StorageClass ${name} does not set allowVolumeExpansion: true` : undefined;
  };
}

/** Whether two spec fields are the same to the API server, which keeps quantities in one form (`1Gi` is `1024Mi`, `0.5` CPU `500m`). */
function sameSpec(before: unknown, after: unknown): boolean {
  return isDeepStrictEqual(before, after) || isDeepStrictEqual(canonicalQuantities(before), canonicalQuantities(after));
}

/** Maps of quantities (resources' requests and limits, a pod's overhead) and quantity fields, anywhere in a spec. */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'overhead']);
const QUANTITY_FIELDS = new Set(['sizeLimit']);

function canonicalQuantities(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalQuantities);
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, field]) => {
      if (QUANTITY_FIELDS.has(key)) return [key, quantityValue(field) ?? field];
      const quantities = QUANTITY_MAPS.has(key) ? asRecord(field) : undefined;
      return [key, quantities ? Object.fromEntries(Object.entries(quantities).map(([name, quantity]) => [name, quantityValue(quantity) ?? quantity])) : canonicalQuantities(field)];
    }),
  );
}

/** A StatefulSet field as the API server keeps it: defaults written out, so writing one down changes nothing. */
function statefulSetField(field: string, value: unknown): unknown {
  if (field === 'podManagementPolicy') return value ?? 'OrderedReady';
  if (field === 'serviceName') return value ?? '';
  if (field !== 'volumeClaimTemplates' || !Array.isArray(value)) return value;
  return value.map((template) => {
    const record = asRecord(template) ?? {};
    const spec = asRecord(record.spec) ?? {};
    const metadata = asRecord(record.metadata) ?? {};
    return { metadata: { name: metadata.name, labels: metadata.labels, annotations: metadata.annotations }, spec: { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' } };
  });
}
