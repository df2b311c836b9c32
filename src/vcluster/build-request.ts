import { yaml } from '../lazy-packages.js';
import type { PlatformSettings } from '../config/platform.js';
import type { VClusterInput } from './request-input.js';

/**
 * The request object, in the shape of seed 002's `VClusterOrchestratorV2`: keys in the order the
 * seed shows them, optional parts only when they say something.
 */
export function buildRequest(input: VClusterInput, platform: PlatformSettings): Record<string, unknown> {
  const { preset } = input;
  const vcluster: Record<string, unknown> = { preset: preset.name, replicas: input.replicas };
  if (input.k8sVersion) vcluster.k8sVersion = input.k8sVersion;
  if (input.isolationMode) vcluster.isolationMode = input.isolationMode;
  if (preset.etcd) vcluster.helmOverrides = etcdHelmOverrides(input.name);
  vcluster.resources = { requests: { memory: preset.memoryRequest }, limits: { memory: preset.memoryLimit } };
  if (input.persistenceSize) {
    vcluster.persistence = { enabled: true, size: input.persistenceSize, ...(input.storageClass ? { storageClass: input.storageClass } : {}) };
  } else if (input.storageClass) {
    vcluster.persistence = { enabled: false, storageClass: input.storageClass };
  }
  vcluster.coredns = { replicas: input.corednsReplicas };
  if (preset.etcd) vcluster.backingStore = { etcd: { deploy: { enabled: true, statefulSet: { highAvailability: { replicas: input.replicas } } } } };

  const argocd: Record<string, unknown> = { environment: input.environment };
  if (Object.keys(input.clusterLabels).length > 0) argocd.clusterLabels = input.clusterLabels;
  if (Object.keys(input.clusterAnnotations).length > 0) argocd.clusterAnnotations = input.clusterAnnotations;
  if (Object.keys(input.workloadRepo).length > 0) argocd.workloadRepo = input.workloadRepo;

  const exposure: Record<string, unknown> = { hostname: input.hostname };
  if (input.subnet) exposure.subnet = input.subnet;
  if (input.vip) exposure.vip = input.vip;
  exposure.apiPort = input.apiPort;

  const networkPolicies: Record<string, unknown> = { enableNFS: input.enableNfs };
  if (input.extraEgress.length > 0) networkPolicies.extraEgress = input.extraEgress;

  return {
    apiVersion: `${platform.apiGroup}/${platform.apiVersion}`,
    kind: platform.kind,
    metadata: { name: input.name, namespace: platform.platformNamespace },
    spec: {
      name: input.name,
      targetNamespace: input.name,
      projectName: input.name,
      vcluster,
      integrations: {
        certManager: { clusterIssuerSelectorLabels: platform.clusterIssuerSelectorLabels },
        externalSecrets: { clusterStoreSelectorLabels: platform.clusterStoreSelectorLabels },
        argocd,
      },
      exposure,
      argocdApplication: {
        repoURL: platform.chartRepoURL,
        chart: 'vcluster',
        targetRevision: input.chartVersion,
        syncPolicy: { automated: { selfHeal: true, prune: true }, syncOptions: ['CreateNamespace=true'] },
      },
      networkPolicies,
    },
  };
}

/**
 * The prod preset's etcd wiring (seed 002 §1D): the etcd client certificates mounted into the
 * control plane, and etcd started without client-certificate auth. The seed also turned the
 * metrics-server proxy off, which left tenants without `kubectl top` or working HPAs; hctl does not.
 */
function etcdHelmOverrides(name: string): Record<string, unknown> {
  return {
    controlPlane: {
      statefulSet: {
        persistence: {
          addVolumes: [{ name: 'etcd-certs', secret: { secretName: `${name}-etcd-certs` } }],
          addVolumeMounts: [{ name: 'etcd-certs', mountPath: '/etcd-certs', readOnly: true }],
        },
      },
      backingStore: { etcd: { deploy: { enabled: true, statefulSet: { extraArgs: ['--client-cert-auth=false'] } } } },
      ingress: { enabled: false },
    },
  };
}

/** The file's text: a one-line provenance comment, then the request. */
export function requestYaml(request: Record<string, unknown>, command: string): string {
  return `# Written by \`${command}\`; edit it like any other manifest.\n${yaml().stringify(request, { lineWidth: 0 })}`;
}
