/** What `hctl health` looks at, in the order it is shown. */
export const HEALTH_DOMAINS = ['nodes', 'pods', 'workloads', 'flux', 'argocd', 'storage', 'network', 'certificates', 'secrets', 'backups', 'etcd', 'events'] as const;
export type HealthDomain = (typeof HEALTH_DOMAINS)[number];

/** One kind health lists, cluster-wide. */
export interface ResourceType {
  kind: string;
  /** '' for the core group. */
  group: string;
  /** Versions hctl understands, preferred first; the server's preferred one wins among them. */
  versions: readonly string[];
  plural: string;
  namespaced: boolean;
  /** The domain whose summary counts these objects (other domains' checks may read them too). */
  domain: HealthDomain;
  fieldSelector?: string;
}

const FLUX_SOURCE_VERSIONS = ['v1', 'v1beta2'];

export const RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: 'Node', group: '', versions: ['v1'], plural: 'nodes', namespaced: false, domain: 'nodes' },
  { kind: 'Pod', group: '', versions: ['v1'], plural: 'pods', namespaced: true, domain: 'pods' },
  { kind: 'Deployment', group: 'apps', versions: ['v1'], plural: 'deployments', namespaced: true, domain: 'workloads' },
  { kind: 'StatefulSet', group: 'apps', versions: ['v1'], plural: 'statefulsets', namespaced: true, domain: 'workloads' },
  { kind: 'DaemonSet', group: 'apps', versions: ['v1'], plural: 'daemonsets', namespaced: true, domain: 'workloads' },
  { kind: 'Job', group: 'batch', versions: ['v1'], plural: 'jobs', namespaced: true, domain: 'workloads' },
  { kind: 'CronJob', group: 'batch', versions: ['v1'], plural: 'cronjobs', namespaced: true, domain: 'workloads' },
  { kind: 'PodDisruptionBudget', group: 'policy', versions: ['v1'], plural: 'poddisruptionbudgets', namespaced: true, domain: 'workloads' },
  { kind: 'HorizontalPodAutoscaler', group: 'autoscaling', versions: ['v2'], plural: 'horizontalpodautoscalers', namespaced: true, domain: 'workloads' },
  { kind: 'Kustomization', group: 'kustomize.toolkit.fluxcd.io', versions: ['v1', 'v1beta2'], plural: 'kustomizations', namespaced: true, domain: 'flux' },
  { kind: 'HelmRelease', group: 'helm.toolkit.fluxcd.io', versions: ['v2', 'v2beta2', 'v2beta1'], plural: 'helmreleases', namespaced: true, domain: 'flux' },
  { kind: 'GitRepository', group: 'source.toolkit.fluxcd.io', versions: FLUX_SOURCE_VERSIONS, plural: 'gitrepositories', namespaced: true, domain: 'flux' },
  { kind: 'OCIRepository', group: 'source.toolkit.fluxcd.io', versions: ['v1', 'v1beta2'], plural: 'ocirepositories', namespaced: true, domain: 'flux' },
  { kind: 'HelmRepository', group: 'source.toolkit.fluxcd.io', versions: FLUX_SOURCE_VERSIONS, plural: 'helmrepositories', namespaced: true, domain: 'flux' },
  { kind: 'HelmChart', group: 'source.toolkit.fluxcd.io', versions: FLUX_SOURCE_VERSIONS, plural: 'helmcharts', namespaced: true, domain: 'flux' },
  { kind: 'Bucket', group: 'source.toolkit.fluxcd.io', versions: FLUX_SOURCE_VERSIONS, plural: 'buckets', namespaced: true, domain: 'flux' },
  { kind: 'Application', group: 'argoproj.io', versions: ['v1alpha1'], plural: 'applications', namespaced: true, domain: 'argocd' },
  { kind: 'PersistentVolumeClaim', group: '', versions: ['v1'], plural: 'persistentvolumeclaims', namespaced: true, domain: 'storage' },
  { kind: 'PersistentVolume', group: '', versions: ['v1'], plural: 'persistentvolumes', namespaced: false, domain: 'storage' },
  { kind: 'StorageClass', group: 'storage.k8s.io', versions: ['v1'], plural: 'storageclasses', namespaced: false, domain: 'storage' },
  { kind: 'Service', group: '', versions: ['v1'], plural: 'services', namespaced: true, domain: 'network' },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', versions: ['v1'], plural: 'endpointslices', namespaced: true, domain: 'network' },
  { kind: 'Ingress', group: 'networking.k8s.io', versions: ['v1'], plural: 'ingresses', namespaced: true, domain: 'network' },
  { kind: 'Gateway', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], plural: 'gateways', namespaced: true, domain: 'network' },
  { kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], plural: 'httproutes', namespaced: true, domain: 'network' },
  { kind: 'NetworkPolicy', group: 'networking.k8s.io', versions: ['v1'], plural: 'networkpolicies', namespaced: true, domain: 'network' },
  // For the namespaces NetworkPolicy peers select: their labels.
  { kind: 'Namespace', group: '', versions: ['v1'], plural: 'namespaces', namespaced: false, domain: 'network' },
  { kind: 'CiliumNetworkPolicy', group: 'cilium.io', versions: ['v2'], plural: 'ciliumnetworkpolicies', namespaced: true, domain: 'network' },
  { kind: 'CiliumClusterwideNetworkPolicy', group: 'cilium.io', versions: ['v2'], plural: 'ciliumclusterwidenetworkpolicies', namespaced: false, domain: 'network' },
  { kind: 'Certificate', group: 'cert-manager.io', versions: ['v1'], plural: 'certificates', namespaced: true, domain: 'certificates' },
  // Only TLS Secrets, and only their certificate's dates leave the reader (see trim-object.ts).
  { kind: 'Secret', group: '', versions: ['v1'], plural: 'secrets', namespaced: true, domain: 'certificates', fieldSelector: 'type=kubernetes.io/tls' },
  { kind: 'ExternalSecret', group: 'external-secrets.io', versions: ['v1', 'v1beta1'], plural: 'externalsecrets', namespaced: true, domain: 'secrets' },
  { kind: 'SecretStore', group: 'external-secrets.io', versions: ['v1', 'v1beta1'], plural: 'secretstores', namespaced: true, domain: 'secrets' },
  { kind: 'ClusterSecretStore', group: 'external-secrets.io', versions: ['v1', 'v1beta1'], plural: 'clustersecretstores', namespaced: false, domain: 'secrets' },
  { kind: 'Backup', group: 'velero.io', versions: ['v1'], plural: 'backups', namespaced: true, domain: 'backups' },
  { kind: 'Schedule', group: 'velero.io', versions: ['v1'], plural: 'schedules', namespaced: true, domain: 'backups' },
  { kind: 'Event', group: '', versions: ['v1'], plural: 'events', namespaced: true, domain: 'events', fieldSelector: 'type=Warning' },
];

/**
 * Kinds only the deep dives (`hctl debug pod`) read, by name or in one namespace; `hctl health`
 * never lists them. Their domain is where their findings would belong.
 */
export const DEEP_DIVE_TYPES: readonly ResourceType[] = [
  { kind: 'ReplicaSet', group: 'apps', versions: ['v1'], plural: 'replicasets', namespaced: true, domain: 'workloads' },
  { kind: 'ConfigMap', group: '', versions: ['v1'], plural: 'configmaps', namespaced: true, domain: 'workloads' },
  // metrics-server's current usage of a pod's containers.
  { kind: 'PodMetrics', group: 'metrics.k8s.io', versions: ['v1beta1'], plural: 'pods', namespaced: true, domain: 'pods' },
];

/** Sources that are not object lists. */
export const ETCD_METRICS = 'etcd-metrics';
export const NODE_STATS = 'node-stats';

export function resourceType(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((type) => type.kind === kind) ?? DEEP_DIVE_TYPES.find((type) => type.kind === kind);
}
