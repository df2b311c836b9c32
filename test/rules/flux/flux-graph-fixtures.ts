/** A small Flux repo in the "Anton" layout: a root applies ./apps, whose kustomization sets namespaces. */
export const ks = (name: string, path: string, extra = '') =>
  `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ${path}\n  prune: true\n  wait: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n${extra}`;

export const antonRepo = (appKs: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'flux/cluster.yaml': ks('cluster-apps', './apps'),
  'apps/kustomization.yaml': 'resources:\n  - ./media\n',
  'apps/media/kustomization.yaml': 'namespace: media\nresources:\n  - ./sonarr/ks.yaml\n  - ./radarr/ks.yaml\n',
  'apps/media/sonarr/ks.yaml': appKs,
  'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n',
  'apps/media/sonarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\n',
  'apps/media/radarr/ks.yaml': ks('radarr', './apps/media/radarr/app'),
  'apps/media/radarr/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: radarr\n',
  ...extra,
});
