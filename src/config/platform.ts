/**
 * Where and how a platform takes self-service requests (seed 002's vCluster product). Defaults
 * follow the seed's platform; every value can be changed in the user or repo config.
 */
export interface PlatformSettings {
  /** `<name>.<domain>` is a new vCluster's default API hostname. */
  domain: string;
  /** Default subnet a `--vip` must lie in when no `--subnet` is given (empty: no check). */
  clusterSubnet?: string;
  /** Namespace the requests live in. */
  platformNamespace: string;
  /** Repo directory of the request files, relative to the repo root. */
  requestsDir: string;
  apiGroup: string;
  apiVersion: string;
  kind: string;
  /** Resource name in API paths (lower-case plural of `kind`). */
  plural: string;
  /** Namespace of Argo CD's Applications. */
  argocdNamespace: string;
  clusterIssuerSelectorLabels: Record<string, string>;
  clusterStoreSelectorLabels: Record<string, string>;
  chartRepoURL: string;
  chartVersion: string;
}

export const DEFAULT_PLATFORM: PlatformSettings = {
  domain: 'cluster.integratn.tech',
  platformNamespace: 'platform-requests',
  requestsDir: 'platform/vclusters',
  apiGroup: 'platform.integratn.tech',
  apiVersion: 'v1alpha1',
  kind: 'VClusterOrchestratorV2',
  plural: 'vclusterorchestratorv2s',
  argocdNamespace: 'argocd',
  clusterIssuerSelectorLabels: { 'integratn.tech/cluster-issuer': 'letsencrypt-prod' },
  clusterStoreSelectorLabels: { 'integratn.tech/cluster-secret-store': 'onepassword-store' },
  chartRepoURL: 'https://charts.loft.sh',
  chartVersion: '0.31.0',
};

/** How `hctl vcluster` records a change in Git: write only, stage, commit, commit and push, or ask. */
export const GIT_MODES = ['prompt', 'generate', 'stage', 'commit', 'auto'] as const;
export type GitMode = (typeof GIT_MODES)[number];
