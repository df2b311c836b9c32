import type { LiveObject } from '../cluster/cluster-state.js';
import { apiGroup } from '../repo/object.js';

/** The labels kustomize-controller and helm-controller write on what they apply. */
export const FLUX_LABELS = {
  Kustomization: { name: 'kustomize.toolkit.fluxcd.io/name', namespace: 'kustomize.toolkit.fluxcd.io/namespace' },
  HelmRelease: { name: 'helm.toolkit.fluxcd.io/name', namespace: 'helm.toolkit.fluxcd.io/namespace' },
} as const;
export const FLUX_PRUNE = 'kustomize.toolkit.fluxcd.io/prune';
/** Argo CD's annotation tracking: `<app>:<group>/<kind>:<namespace>/<name>`, `<app>` as `<namespace>_<name>` outside Argo's own namespace. */
export const ARGO_TRACKING = 'argocd.argoproj.io/tracking-id';

/** The Flux or Argo CD object that applied a live object. */
export interface GitOpsOwner {
  kind: 'Kustomization' | 'HelmRelease' | 'Application';
  /** Absent for an Argo CD Application in Argo CD's own namespace (the tracking id does not say which). */
  namespace?: string;
  name: string;
}

/** Who applied the object, by the marks Flux and Argo CD leave on it; a chart's objects name their HelmRelease. */
export function gitopsOwnerOf(object: LiveObject): GitOpsOwner | undefined {
  const labels = object.metadata.labels ?? {};
  for (const kind of ['HelmRelease', 'Kustomization'] as const) {
    const name = labels[FLUX_LABELS[kind].name];
    if (name) return { kind, namespace: labels[FLUX_LABELS[kind].namespace] ?? '', name };
  }
  const app = argoTrackingApp(object);
  if (app === undefined) return undefined;
  const separator = app.indexOf('_');
  return separator > 0 ? { kind: 'Application', namespace: app.slice(0, separator), name: app.slice(separator + 1) } : { kind: 'Application', name: app };
}

/**
 * The Application named by the object's tracking id, when the id is the object's own: Argo CD
 * ignores an id copied onto another object (a controller copying annotations), and so does hctl.
 */
export function argoTrackingApp(object: LiveObject): string | undefined {
  const tracking = object.metadata.annotations?.[ARGO_TRACKING];
  if (tracking === undefined) return undefined;
  const [app, groupKind, namespacedName] = tracking.split(':');
  if (!app || groupKind !== `${apiGroup(object.apiVersion)}/${object.kind}` || namespacedName !== `${object.metadata.namespace ?? ''}/${object.metadata.name}`) return undefined;
  return app;
}

/** `Kustomization flux-system/apps`. */
export function describeOwner(owner: GitOpsOwner): string {
  return `${owner.kind} ${owner.namespace ? `${owner.namespace}/` : ''}${owner.name}`;
}
