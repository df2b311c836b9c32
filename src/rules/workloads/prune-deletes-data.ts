import type { BaseOwner } from '../../engine/base-revision.js';
import { objectSyncOptions } from '../../k8s/argo-sync-options.js';
import { objectIdentity } from '../../flux/identity.js';
import { nodeObject } from '../../flux/node-object.js';
import { isArgoApplication } from '../../k8s/kinds.js';
import { apiGroup, sourceDocument, type KubeObject, type NodePath } from '../../repo/object.js';
import type { FluxNode } from '../../flux/flux-graph.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

const FLUX_PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
const ARGO_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/** Who deletes an object that left the repository, and where in the working tree that is decided. */
interface Deletion {
  by: string;
  /** The Kustomization or Application (as the working tree has it) whose setting deletes it. */
  at: KubeObject;
  path: NodePath;
}

export default {
  meta: {
    id: 'prune-deletes-data',
    domain: 'workloads',
    severity: 'critical',
    title: 'A change (against --base) removes a claim, namespace, CRD or database that Flux or Argo CD will then delete, with its data',
    source: '"Think before you delete" (seeds 000 and 003: never force-delete PVCs, find their consumers first — ST1); Flux garbage collection (prune) and Argo CD automated prune and resources finalizer',
  },
  check(context) {
    const base = context.base;
    if (!base) return;
    const nodes = appliedNodes(context.flux.nodes, base.fluxChildren);
    // Argo CD renders with the destination namespace: its objects count as it syncs them.
    const reaching = context.flux.nodes.length > 0 ? nodes.flatMap((node) => [node.object, ...node.applies]) : context.applied;
    const now = new Set([...reaching, ...context.argoBuilds.flatMap((build) => build.objects)].map((object) => objectIdentity(object.body)));
    const before = new Map([...base.applied, ...base.argoApplied].map((object) => [objectIdentity(object.body), object]));
    const deletion = deletions(context, nodes, now, before, base.owners);
    const retained = retainedClasses(base.applied);
    for (const [identity, object] of before) {
      const loss = dataLoss(object, retained);
      if (!loss || now.has(identity)) continue;
      const deleted = deletion(identity);
      if (!deleted) continue;
      context.report({
        object: deleted.at,
        path: deleted.path,
        key: true,
        ...(loss.severity === 'warning' ? { severity: 'warning' as const } : {}),
        message: `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? ''} reached the cluster at ${base.ref} (${base.commit}) and no longer does: ${deleted.by}, so this change deletes it — ${loss.what}`,
        hint: `If it moved, make sure its new home applies it first; if it goes, back the data up first (VolSync, Velero, a dump). To keep it in the cluster while it leaves Git, annotate it ${FLUX_PRUNE}: disabled (Flux) or argocd.argoproj.io/sync-options: Prune=false (Argo CD) in a commit before this one.`,
      });
    }
  },
} satisfies Rule;

/** What deleting the object loses; undefined for objects whose deletion loses no data. */
function dataLoss(object: KubeObject, retained: Set<string>): { what: string; severity: 'critical' | 'warning' } | undefined {
  const group = apiGroup(object.apiVersion);
  const spec = asRecord(object.body.spec) ?? {};
  if (group === '' && object.kind === 'PersistentVolumeClaim') {
    const storageClass = typeof spec.storageClassName === 'string' ? spec.storageClassName : undefined;
    return storageClass !== undefined && retained.has(storageClass)
      ? { what: `its StorageClass ${storageClass} retains the volume, which stays Released and must be bound again by hand`, severity: 'warning' }
      : { what: 'and with the Delete reclaim policy (the default) its volume and data', severity: 'critical' };
  }
  if (group === '' && object.kind === 'Namespace') return { what: 'and everything in it, the claims (and their volumes) of every app there included', severity: 'critical' };
  if (group === 'apiextensions.k8s.io' && object.kind === 'CustomResourceDefinition') return { what: 'and every custom resource of it in the cluster', severity: 'critical' };
  if (group === 'postgresql.cnpg.io' && object.kind === 'Cluster') return { what: 'and CloudNativePG deletes its instances and their claims: the database', severity: 'critical' };
  if (group === '' && object.kind === 'PersistentVolume' && (spec.persistentVolumeReclaimPolicy ?? 'Retain') === 'Delete') return { what: 'and with reclaim policy Delete, the storage behind it', severity: 'critical' };
  if (group === 'apps' && object.kind === 'StatefulSet' && asRecord(spec.persistentVolumeClaimRetentionPolicy)?.whenDeleted === 'Delete') {
    return { what: 'and its persistentVolumeClaimRetentionPolicy deletes its claims with it', severity: 'critical' };
  }
  return undefined;
}

/** StorageClasses of the repository that keep a volume when its claim goes. */
function retainedClasses(objects: readonly KubeObject[]): Set<string> {
  return new Set(objects.filter((object) => object.kind === 'StorageClass' && apiGroup(object.apiVersion) === 'storage.k8s.io' && object.body.reclaimPolicy === 'Retain' && object.name).map((object) => object.name!));
}

/**
 * Whether (and by whom) an object applied at the base revision is deleted once this change is
 * reconciled: its owner then prunes (a Flux Kustomization with prune: true, an Argo CD Application
 * with automated prune), or its owner is itself deleted and takes what it applied with it (Flux
 * garbage-collects a pruning Kustomization's objects; Argo CD's resources finalizer cascades).
 */
function deletions(context: RuleContext, nodes: readonly FluxNode[], now: Set<string>, before: Map<string, KubeObject>, owners: ReadonlyMap<string, BaseOwner>): (identity: string) => Deletion | undefined {
  const kustomizations = new Map(nodes.map((node) => [objectIdentity(node.object.body), node]));
  const applications = new Map(
    context.argoBuilds.filter((build) => build.app.generatedFor === undefined && isArgoApplication(build.app.object)).map((build) => [objectIdentity(build.app.object.body), build]),
  );
  const memo = new Map<string, Deletion | undefined>();
  const deletion = (identity: string, depth = 0): Deletion | undefined => {
    if (memo.has(identity)) return memo.get(identity);
    memo.set(identity, undefined); // a cycle deletes nothing
    const object = before.get(identity);
    const owner = owners.get(identity);
    let result: Deletion | undefined;
    if (object && owner && !now.has(identity) && depth < 20 && !keptOnPurpose(object)) {
      if (owner.tool === 'flux') {
        const current = kustomizations.get(owner.identity);
        // A build that fails applies (and prunes) nothing: kustomize-build-error says why.
        if (current) result = current.problem === undefined && asRecord(current.object.body.spec)?.prune === true ? { by: `Flux Kustomization ${nameOf(owner.body)} prunes`, at: nodeObject(current), path: ['spec', 'prune'] } : undefined;
        else if (deletesWhenDeleted(asRecord(owner.body.spec) ?? {})) result = passOn(deletion(owner.identity, depth + 1), `Flux Kustomization ${nameOf(owner.body)}, removed too, garbage-collects what it applied`);
      } else {
        const current = applications.get(owner.identity);
        if (current) {
          const automated = asRecord(asRecord(current.app.spec.syncPolicy)?.automated);
          result = current.error === undefined && automated?.prune === true
            ? { by: `Argo CD Application ${nameOf(owner.body)} prunes automatically`, at: current.app.object, path: [...current.app.specPath, 'syncPolicy', 'automated', 'prune'] }
            : undefined;
        } else if ((asRecord(owner.body.metadata)?.finalizers as unknown[] | undefined)?.includes(ARGO_FINALIZER)) {
          result = passOn(deletion(owner.identity, depth + 1), `Argo CD Application ${nameOf(owner.body)}, removed too, deletes what it synced (resources finalizer)`);
        }
      }
    }
    memo.set(identity, result);
    return result;
  };
  return deletion;
}

/**
 * The Flux Kustomizations that are applied: all, but a parentless one that a parent applied at the
 * base revision is now applied by no one (the change took it out of its parent's build), and
 * neither is anything under it.
 */
function appliedNodes(nodes: readonly FluxNode[], fluxChildren: ReadonlySet<string>): FluxNode[] {
  const detached = (node: FluxNode): boolean => (node.parent ? detached(node.parent) : node.object.source !== undefined && fluxChildren.has(sourceDocument(node.object.source)));
  return nodes.filter((node) => !detached(node));
}

/** Whether a deleted Flux Kustomization deletes what it applied: its deletionPolicy, whose default (MirrorPrune) follows prune. */
function deletesWhenDeleted(spec: Record<string, unknown>): boolean {
  const policy = spec.deletionPolicy ?? 'MirrorPrune';
  return policy === 'Delete' || policy === 'WaitForTermination' || (policy === 'MirrorPrune' && spec.prune === true);
}

/** The owner's own deletion, told from the object's side. */
function passOn(ownerDeletion: Deletion | undefined, by: string): Deletion | undefined {
  return ownerDeletion && { ...ownerDeletion, by: `${by} (${ownerDeletion.by})` };
}

/** Marked to stay in the cluster when it leaves Git. */
function keptOnPurpose(object: KubeObject): boolean {
  const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
  const options = objectSyncOptions(object);
  return annotations[FLUX_PRUNE] === 'disabled' || options.get('Prune') === 'false' || options.get('Delete') === 'false';
}

function nameOf(body: Record<string, unknown>): string {
  const metadata = asRecord(body.metadata) ?? {};
  return `${typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : ''}${String(metadata.name ?? '')}`;
}
