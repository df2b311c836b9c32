import type { LiveObject } from '../../cluster/cluster-state.js';
import { argoTrackingApp, FLUX_LABELS, FLUX_PRUNE } from '../../k8s/gitops-owner.js';
import { apiGroup } from '../../repo/object.js';
import type { HealthContext, HealthRule } from '../health-rule.js';

/** What keeps running or holding data when nothing reconciles it any more; what GitOps tools own. */
const CANDIDATE_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'PersistentVolumeClaim', 'Service', 'Ingress', 'HTTPRoute', 'Kustomization', 'HelmRelease', 'Application'];

export default {
  meta: {
    id: 'gitops-orphaned-object',
    domain: 'workloads',
    severity: 'warning',
    title: 'An object a Flux Kustomization, HelmRelease or Argo CD Application applied, left running after it was removed from Git',
    source: 'W14 (gitops_homelab known issues: llmkube left with 2×50Gi claims, a failing git-indexer CronJob, mcp-system applied out of band); the owner labels Flux writes and the tracking annotation Argo CD writes',
  },
  reads: CANDIDATE_KINDS,
  check(context) {
    const owners = ownersOf(context);
    for (const kind of CANDIDATE_KINDS) {
      for (const object of context.list(kind)) {
        // An operator's objects follow their owner; objects being deleted are on their way out.
        if (object.metadata.deletionTimestamp || object.metadata.ownerReferences?.some((reference) => reference.controller === true)) continue;
        const orphaned = owners.flux(object) ?? owners.helm(object) ?? owners.argo(object);
        if (!orphaned) continue;
        context.report({ object, message: orphaned, hint: hintFor(object) });
      }
    }
  },
} satisfies HealthRule;

interface Owners {
  /** Why the object is orphaned, or undefined when its owner (if any) still claims it. */
  flux(object: LiveObject): string | undefined;
  helm(object: LiveObject): string | undefined;
  argo(object: LiveObject): string | undefined;
}

/** The owners as read; an owner kind that could not be read (not installed, forbidden) orphans nothing. */
function ownersOf(context: HealthContext): Owners {
  const read = (kind: string) => context.cluster.reads.get(kind)?.state === 'read';
  const byName = (kind: string) => new Map(context.list(kind).map((owner) => [`${owner.metadata.namespace ?? ''}/${owner.metadata.name}`, owner]));
  const kustomizations = byName('Kustomization');
  const releases = byName('HelmRelease');
  const applications = new Set(context.list('Application').flatMap((app) => [app.metadata.name, `${app.metadata.namespace ?? ''}_${app.metadata.name}`]));
  return {
    flux(object) {
      const labels = object.metadata.labels ?? {};
      const name = labels[FLUX_LABELS.Kustomization.name];
      if (name === undefined || !read('Kustomization')) return undefined;
      const owner = `${labels[FLUX_LABELS.Kustomization.namespace] ?? ''}/${name}`;
      const kustomization = kustomizations.get(owner);
      if (!kustomization) return `was applied by Flux Kustomization ${owner}, which no longer exists: nothing reconciles or prunes it`;
      const entries: unknown = kustomization.status?.inventory?.entries;
      // Objects marked prune: disabled are kept on purpose when they leave the inventory.
      if (!Array.isArray(entries) || object.metadata.annotations?.[FLUX_PRUNE] === 'disabled') return undefined;
      if (entries.some((entry) => (entry as { id?: unknown })?.id === inventoryId(object))) return undefined;
      return `is labelled as applied by Flux Kustomization ${owner} but is not in its inventory: it was removed from Git and left in the cluster${kustomization.spec?.prune === true ? '' : ' (the Kustomization does not prune)'}`;
    },
    helm(object) {
      const labels = object.metadata.labels ?? {};
      const name = labels[FLUX_LABELS.HelmRelease.name];
      if (name === undefined || !read('HelmRelease')) return undefined;
      const owner = `${labels[FLUX_LABELS.HelmRelease.namespace] ?? ''}/${name}`;
      return releases.has(owner) ? undefined : `belongs to Flux HelmRelease ${owner}, which no longer exists: the Helm release was left installed`;
    },
    argo(object) {
      const app = argoTrackingApp(object);
      if (app === undefined || !read('Application')) return undefined;
      return applications.has(app) ? undefined : `was synced by Argo CD Application ${app.replace('_', '/')}, which no longer exists (deleted without cascade): nothing syncs or prunes it`;
    },
  };
}

/** How Flux's inventory names an object: `namespace_name_group_kind`. */
function inventoryId(object: LiveObject): string {
  return `${object.metadata.namespace ?? ''}_${object.metadata.name}_${apiGroup(object.apiVersion)}_${object.kind}`;
}

function hintFor(object: LiveObject): string {
  const command = `kubectl delete ${object.kind.toLowerCase()} ${object.metadata.namespace ? `-n ${object.metadata.namespace} ` : ''}${object.metadata.name}`;
  if (object.kind === 'PersistentVolumeClaim') return `If it is still wanted, put it back in Git; if not, check that no pod mounts it, then \`${command}\` — with a Delete reclaim policy its volume and data go with it.`;
  return `If it is still wanted, put it back in Git (or under another Kustomization or Application); if not, \`${command}\`.`;
}
