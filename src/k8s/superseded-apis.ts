import { deprecationOf } from '../schema/deprecations.js';

/**
 * CRD API versions whose project stopped serving or superseded them. The Flux and External
 * Secrets rules own their groups; deprecated-api leaves those to them.
 */
export const FLUX_CURRENT_VERSIONS: Record<string, Record<string, string>> = {
  'helm.toolkit.fluxcd.io': { HelmRelease: 'v2' },
  'kustomize.toolkit.fluxcd.io': { Kustomization: 'v1' },
  'source.toolkit.fluxcd.io': { GitRepository: 'v1', HelmRepository: 'v1', HelmChart: 'v1', Bucket: 'v1', OCIRepository: 'v1' },
  'notification.toolkit.fluxcd.io': { Receiver: 'v1', Alert: 'v1beta3', Provider: 'v1beta3' },
  'image.toolkit.fluxcd.io': { ImageRepository: 'v1', ImagePolicy: 'v1', ImageUpdateAutomation: 'v1' },
};

export const ESO_REMOVED_VERSIONS = new Set(['external-secrets.io/v1beta1', 'external-secrets.io/v1alpha1']);
export const ESO_KINDS_SERVED_AT_V1 = new Set(['ExternalSecret', 'SecretStore', 'ClusterSecretStore', 'ClusterExternalSecret']);

/** Gateway API kinds that are GA (`gateway.networking.k8s.io/v1`): their alphas and betas are superseded. */
export const GATEWAY_API_GA_KINDS = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute']);

export function ownedByDedicatedRule(group: string): boolean {
  return group in FLUX_CURRENT_VERSIONS || group === 'external-secrets.io';
}

/**
 * Whether `apiVersion` is an old version of `kind` — deprecated or removed (Pluto's data), an old
 * Flux or External Secrets version, a Gateway API version before GA — and what replaces it, when
 * known. A document at such a version needs moving (deprecated-api, flux-deprecated-api and
 * eso-deprecated-api say why), not a CRD.
 */
export function supersession(apiVersion: string, kind: string): { replacement?: string } | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const current = FLUX_CURRENT_VERSIONS[group]?.[kind];
  if (current) return current === version ? undefined : { replacement: `${group}/${current}` };
  if (ESO_REMOVED_VERSIONS.has(apiVersion)) return ESO_KINDS_SERVED_AT_V1.has(kind) ? { replacement: 'external-secrets.io/v1' } : {};
  if (group === 'gateway.networking.k8s.io' && GATEWAY_API_GA_KINDS.has(kind)) return version === 'v1' ? undefined : { replacement: 'gateway.networking.k8s.io/v1' };
  const entry = deprecationOf(apiVersion, kind);
  return entry ? (entry.replacement ? { replacement: entry.replacement } : {}) : undefined;
}
