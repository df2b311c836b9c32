import type { LiveObject } from '../cluster/cluster-state.js';

/** The Flux kinds `hctl health` judges, appliers first. */
export const FLUX_KINDS = ['Kustomization', 'HelmRelease', 'GitRepository', 'OCIRepository', 'HelmRepository', 'HelmChart', 'Bucket'] as const;

/** The source a Kustomization or HelmRelease reads, with Flux's namespace defaulting. */
export function fluxSourceOf(object: LiveObject): { kind: string; name: string; namespace: string } | undefined {
  const ref = object.kind === 'HelmRelease' ? (object.spec?.chartRef ?? object.spec?.chart?.spec?.sourceRef) : object.spec?.sourceRef;
  if (!ref?.kind || !ref?.name) return undefined;
  return { kind: ref.kind, name: ref.name, namespace: ref.namespace ?? object.metadata.namespace ?? '' };
}

/** How the flux CLI names a kind: `kustomization`, `helmrelease`, `source git`, `source oci`… */
export function fluxCliKind(kind: string): string {
  if (kind === 'Kustomization') return 'kustomization';
  if (kind === 'HelmRelease') return 'helmrelease';
  return `source ${kind.replace(/Repository$/, '').toLowerCase()}`;
}
