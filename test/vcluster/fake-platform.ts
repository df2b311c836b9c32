import type { LiveObject } from '../../src/cluster/cluster-state.js';
import type { FakeClusterOptions } from '../cluster/fake-api-server.js';

const NOW = Date.now();
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The kubeconfig vCluster stores for its users; tests check it arrives byte for byte. */
export const VCLUSTER_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
  - name: dev-team-1
    cluster:
      server: https://dev-team-1.cluster.integratn.tech:443
      certificate-authority-data: ${b64('not a real CA')}
users:
  - name: admin
    user:
      client-key-data: ${b64('SECRET-KEY-MATERIAL')}
contexts:
  - name: dev-team-1
    context: { cluster: dev-team-1, user: admin }
current-context: dev-team-1
`;

const app = (name: string, destination: string, status: Record<string, unknown>, selfHeal = true, extra: Record<string, unknown> = {}): LiveObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name, namespace: 'argocd', creationTimestamp: ago(60) },
  spec: {
    project: 'default',
    destination: destination === 'in-cluster' ? { server: 'https://kubernetes.default.svc', namespace: 'dev-team-1' } : { name: destination, namespace: 'default' },
    source: { repoURL: 'https://github.com/example/platform', path: `workloads/${name}`, targetRevision: 'main' },
    syncPolicy: { automated: { prune: true, ...(selfHeal ? { selfHeal: true } : {}) } },
    ...extra,
  },
  status,
});

/**
 * A platform cluster with one vCluster, dev-team-1, as seed 002's platform runs it: the request in
 * platform-requests, its Kratix pipeline Job, Work and WorkPlacement, the vcluster-dev-team-1
 * Application, the control-plane pods (one restarted after an OOM kill), the kubeconfig Secret,
 * and three apps deployed into the vCluster — a CRD app whose last sync failed, one without
 * selfHeal, and one out of sync. `phase` sets the request's status contract (none: no status).
 */
export function platformCluster(options: { phase?: string; podsReady?: boolean; argoHealth?: string } = {}): FakeClusterOptions {
  const request: LiveObject = {
    apiVersion: 'platform.integratn.tech/v1alpha1',
    kind: 'VClusterOrchestratorV2',
    metadata: { name: 'dev-team-1', namespace: 'platform-requests', creationTimestamp: ago(45) },
    spec: { name: 'dev-team-1', targetNamespace: 'dev-team-1', projectName: 'dev-team-1', vcluster: { preset: 'dev', replicas: 1 } },
    ...(options.phase
      ? {
          status: {
            phase: options.phase,
            message: options.phase === 'Ready' ? 'all checks pass' : 'ArgoCD app is Degraded',
            lastReconciled: ago(1),
            endpoints: { api: 'https://dev-team-1.cluster.integratn.tech', argocd: 'https://argocd.cluster.integratn.tech/applications/vcluster-dev-team-1' },
            credentials: { kubeconfigSecret: 'vc-dev-team-1' },
            health: { argocd: { syncStatus: 'Synced', healthStatus: options.phase === 'Ready' ? 'Healthy' : 'Degraded' }, workloads: { ready: 2, total: 2 }, subApps: { healthy: 3, total: 3, unhealthy: [] } },
            conditions: [{ type: 'Ready', status: options.phase === 'Ready' ? 'True' : 'False', reason: options.phase, lastTransitionTime: ago(10) }],
          },
        }
      : {}),
  };
  const ready = options.podsReady ?? true;
  const pod = (name: string, labels: Record<string, string>, restarts: number): LiveObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'dev-team-1', labels, creationTimestamp: ago(40) },
    spec: { containers: [{ name: 'syncer', image: 'ghcr.io/loft-sh/vcluster-pro:0.31.0', resources: { requests: { memory: '768Mi', cpu: '200m' }, limits: { memory: '1536Mi' } } }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'syncer', ready, restartCount: restarts, ...(restarts ? { lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } } } : {}) }],
    },
  });
  return {
    groups: { batch: ['v1'], 'argoproj.io': ['v1alpha1'], 'platform.integratn.tech': ['v1alpha1'], 'platform.kratix.io': ['v1alpha1'] },
    types: [
      { kind: 'VClusterOrchestratorV2', group: 'platform.integratn.tech', plural: 'vclusterorchestratorv2s' },
      { kind: 'Work', group: 'platform.kratix.io', plural: 'works' },
      { kind: 'WorkPlacement', group: 'platform.kratix.io', plural: 'workplacements' },
    ],
    tokens: { 'admin-token': { canPatch: true }, 'view-token': { forbidden: ['secrets'] } },
    objects: {
      VClusterOrchestratorV2: [request],
      Job: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'kratix-dev-team-1-vco-v2-configure-5f2a1', namespace: 'platform-requests', labels: { 'kratix.io/resource-name': 'dev-team-1' }, creationTimestamp: ago(44) },
          status: { conditions: [{ type: 'Complete', status: 'True' }], succeeded: 1 },
        },
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'kratix-other-vco-v2-configure-1', namespace: 'platform-requests', labels: { 'kratix.io/resource-name': 'other' }, creationTimestamp: ago(5) },
          status: { conditions: [{ type: 'Failed', status: 'True', message: 'BackoffLimitExceeded' }] },
        },
      ],
      Work: [{ apiVersion: 'platform.kratix.io/v1alpha1', kind: 'Work', metadata: { name: 'vcluster-orchestrator-v2-dev-team-1-configure', namespace: 'platform-requests' } }],
      WorkPlacement: [
        {
          apiVersion: 'platform.kratix.io/v1alpha1',
          kind: 'WorkPlacement',
          metadata: { name: 'vcluster-orchestrator-v2-dev-team-1-configure.platform-cluster', namespace: 'platform-requests' },
          status: { conditions: [{ type: 'Failing', status: 'True', reason: 'WorksFailing' }] },
        },
      ],
      Application: [
        app('vcluster-dev-team-1', 'in-cluster', {
          sync: { status: 'Synced' },
          health: { status: options.argoHealth ?? 'Healthy' },
          resources: [
            { kind: 'StatefulSet', namespace: 'dev-team-1', name: 'dev-team-1' },
            { kind: 'Service', namespace: 'dev-team-1', name: 'dev-team-1' },
            { kind: 'Secret', namespace: 'dev-team-1', name: 'vc-dev-team-1' },
          ],
        }),
        app('dev-team-1-gateway-api-crds', 'dev-team-1', { sync: { status: 'OutOfSync' }, health: { status: 'Missing' }, operationState: { phase: 'Failed', message: 'one or more objects failed to apply', retryCount: 5 } }),
        app('dev-team-1-cert-manager', 'dev-team-1', { sync: { status: 'Synced' }, health: { status: 'Healthy' } }, false),
        app('dev-team-1-podinfo', 'dev-team-1', { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } }, true, {
          sources: [{ repoURL: 'https://stefanprodan.github.io/podinfo', chart: 'podinfo', targetRevision: '6.7.0' }],
        }),
        app('media-jellyfin', 'vcluster-media', { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } }),
      ],
      Pod: [pod('dev-team-1-0', { app: 'vcluster' }, 2), pod('coredns-7db6d8ff4d-x2x9k-x-kube-system-x-dev-team-1', { 'k8s-app': 'kube-dns' }, 0)],
      Secret: [
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'vc-dev-team-1', namespace: 'dev-team-1' }, type: 'Opaque', data: { config: b64(VCLUSTER_KUBECONFIG), 'client-key': b64('SECRET-KEY-MATERIAL') } },
      ],
    },
  };
}
