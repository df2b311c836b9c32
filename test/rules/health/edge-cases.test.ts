import { describe, expect, it } from 'vitest';
import { HEALTH_RULES_BY_ID } from '../../../src/rules/health-index.js';
import { runHealthRule } from '../../health-rule-tester.js';

// The docs test runs every health check's bad (fires) and good (silent) example; these are the
// cases where a check must judge more finely than one example shows.
const rule = (id: string) => HEALTH_RULES_BY_ID.get(id)!;

const outOfSync = `
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: media-stack, namespace: argocd }
status: { sync: { status: OutOfSync } }
`;

describe('health checks, finer cases', () => {
  it('an accepted Argo CD condition stays visible as info; an expired one is reported again', () => {
    const accepted = runHealthRule(rule('argocd-app-out-of-sync'), { yaml: outOfSync, knownIssues: [{ app: 'argocd/media-stack', condition: 'OutOfSync', reason: 'Longhorn CRDs', until: '2026-12-31' }] });
    expect(accepted).toMatchObject([{ severity: 'info', message: 'OutOfSync — known issue: Longhorn CRDs (until 2026-12-31)' }]);
    const expired = runHealthRule(rule('argocd-app-out-of-sync'), { yaml: outOfSync, knownIssues: [{ app: 'media-stack', condition: 'outofsync', reason: 'Longhorn CRDs', until: '2026-11-01' }] });
    expect(expired).toMatchObject([{ severity: 'warning', message: 'OutOfSync (known issue "Longhorn CRDs" expired on 2026-11-01)' }]);
  });

  it('a kubelet newer than the API server is critical', () => {
    const findings = runHealthRule(rule('node-version-skew'), { serverVersion: 'v1.31.2', yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: n1 }\nstatus: { nodeInfo: { kubeletVersion: v1.32.0 } }\n' });
    expect(findings).toMatchObject([{ severity: 'critical' }]);
  });

  it('a budget that allows no eviction is critical only while one of its pods sits on a cordoned node, and silent while its pods are unhealthy', () => {
    const budget = (status: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: { name: db, namespace: shop }\nspec: { maxUnavailable: 0, selector: { matchLabels: { app: db } } }\nstatus: ${status}\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: db-0, namespace: shop, labels: { app: db } }\nspec: { nodeName: n1 }\n---\napiVersion: v1\nkind: Node\nmetadata: { name: n1 }\nspec: {}\n`;
    const healthy = '{ expectedPods: 3, currentHealthy: 3, desiredHealthy: 3, disruptionsAllowed: 0 }';
    expect(runHealthRule(rule('pdb-disruptions-blocked'), { yaml: budget(healthy) })).toMatchObject([{ severity: 'warning', message: 'allows no eviction (maxUnavailable 0, 3 pods, all healthy): `kubectl drain` and node upgrades wait on these pods forever' }]);
    expect(runHealthRule(rule('pdb-disruptions-blocked'), { yaml: budget(healthy).replace('spec: {}', 'spec: { unschedulable: true }') })).toMatchObject([{ severity: 'critical', message: expect.stringContaining('db-0 sits on cordoned node n1') }]);
    expect(runHealthRule(rule('pdb-disruptions-blocked'), { yaml: budget('{ expectedPods: 3, currentHealthy: 2, desiredHealthy: 3, disruptionsAllowed: 0 }') })).toEqual([]);
    expect(runHealthRule(rule('pdb-disruptions-blocked'), { yaml: budget('{ expectedPods: 0, currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0 }') })).toEqual([]);
  });

  it('an HPA is reported once its failure lasts, not while its target is scaled to zero on purpose, and when it cannot scale its target', () => {
    const hpa = (conditions: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: api, namespace: shop }\nspec: { scaleTargetRef: { kind: Deployment, name: api } }\nstatus: { currentReplicas: 2, conditions: [${conditions}] }\n`;
    const metricFailed = (since: string) => `{ type: ScalingActive, status: "False", reason: FailedGetResourceMetric, message: "failed to get cpu utilization: unable to get metrics for resource cpu", lastTransitionTime: "${since}" }`;
    expect(runHealthRule(rule('hpa-not-scaling'), { yaml: hpa(metricFailed('2026-11-23T11:55:00Z')) })).toEqual([]);
    expect(runHealthRule(rule('hpa-not-scaling'), { yaml: hpa(metricFailed('2026-11-23T11:00:00Z')) })).toMatchObject([{ message: expect.stringContaining('is not scaling Deployment api for 1h'), hint: expect.stringContaining('kubectl top pods') }]);
    expect(runHealthRule(rule('hpa-not-scaling'), { yaml: hpa('{ type: ScalingActive, status: "False", reason: ScalingDisabled, message: "scaling is disabled since the replica count of the target is zero" }') })).toEqual([]);
    expect(runHealthRule(rule('hpa-not-scaling'), { yaml: hpa('{ type: AbleToScale, status: "False", reason: FailedGetScale, message: "deployments/scale.apps \\"api\\" not found" }') })).toMatchObject([{ message: expect.stringContaining('cannot scale Deployment api (FailedGetScale'), hint: expect.stringContaining('scaleTargetRef') }]);
  });

  it('thresholds come from .hctl.yaml rule options', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: n, ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: r, controller: true }] }\nstatus: { phase: Running, containerStatuses: [{ name: c, restartCount: 3, state: { running: {} } }] }\n';
    expect(runHealthRule(rule('pod-restarts'), { yaml: pod })).toEqual([]);
    expect(runHealthRule(rule('pod-restarts'), { yaml: pod, rules: { 'pod-restarts': { threshold: 3 } } })).toHaveLength(1);
  });

  it('a Pending pod whose image cannot be pulled is reported once, by pod-image-pull-failing', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: n, creationTimestamp: "2026-11-23T08:00:00Z" }\nstatus: { phase: Pending, containerStatuses: [{ name: c, state: { waiting: { reason: ImagePullBackOff } } }] }\n';
    expect(runHealthRule(rule('pod-pending'), { yaml })).toEqual([]);
    expect(runHealthRule(rule('pod-image-pull-failing'), { yaml })).toHaveLength(1);
  });

  it('a missing Secret key, a FailedMount, an absent claim: each reported once by pod-reference-missing, not again by pod-pending; a running pod is not judged', () => {
    const pod = (status: string, spec = '{}') => `apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: n, creationTimestamp: "2026-11-23T08:00:00Z" }\nspec: ${spec}\nstatus: ${status}\n`;
    const missingKey = pod(`{ phase: Pending, containerStatuses: [{ name: c, state: { waiting: { reason: CreateContainerConfigError, message: "couldn't find key api-key in Secret n/app" } } }] }`);
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: missingKey })).toMatchObject([{ severity: 'critical', message: 'cannot start: Secret n/app has no key api-key (CreateContainerConfigError)', hint: expect.stringContaining('Add api-key to the Secret') }]);
    expect(runHealthRule(rule('pod-pending'), { yaml: missingKey + '---\napiVersion: v1\nkind: Event\nmetadata: { name: e, namespace: n }\nreason: Other\n' })).toEqual([]);

    const mounting = pod('{ phase: Pending, containerStatuses: [{ name: c, state: { waiting: { reason: ContainerCreating } } }] }')
      + '---\napiVersion: v1\nkind: Event\nmetadata: { name: e, namespace: n }\ntype: Warning\nreason: FailedMount\nmessage: \'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found\'\ninvolvedObject: { kind: Pod, namespace: n, name: p }\n';
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: mounting })).toMatchObject([{ message: 'cannot start: ConfigMap n/app-config does not exist (FailedMount)', hint: expect.stringContaining('configMapGenerator') }]);
    expect(runHealthRule(rule('pod-pending'), { yaml: mounting })).toEqual([]);
    // The same event about another pod says nothing about this one.
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: mounting.replace('name: p }\n', 'name: other }\n') })).toEqual([]);

    const claimed = pod('{ phase: Pending }', '{ volumes: [{ name: data, persistentVolumeClaim: { claimName: data-db-0 } }] }');
    const claim = (name: string) => `---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: ${name}, namespace: n }\n`;
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: claimed + claim('data-other') })).toMatchObject([{ message: 'cannot start: PersistentVolumeClaim n/data-db-0 does not exist (no such claim)' }]);
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: claimed + claim('data-db-0') })).toEqual([]);
    // Claims that were not read (forbidden) say nothing.
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: claimed, notInstalled: ['PersistentVolumeClaim'] })).toEqual([]);

    const running = pod('{ phase: Running, containerStatuses: [{ name: c, state: { running: {} } }] }', '{ volumes: [{ name: data, persistentVolumeClaim: { claimName: gone } }] }');
    expect(runHealthRule(rule('pod-reference-missing'), { yaml: running + claim('other') })).toEqual([]);
  });

  it('a blocked Service port: judged on every selected running pod, by number or name; Cilium or Calico policies that may admit it silence it', () => {
    const service = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: n }\nspec: { selector: { app: web }, ports: ${ports} }\n---\n`;
    const pod = (name: string, labels = '{ app: web }', extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: n, labels: ${labels} }\nspec: { ${extra}containers: [{ name: c, ports: [{ name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 }] }] }\nstatus: { phase: Running }\n---\n`;
    const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: n }\nspec: { podSelector: {}, policyTypes: [Ingress] }\n---\n';
    const allowHttp = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: allow-http, namespace: n }\nspec: { podSelector: { matchLabels: { app: web } }, ingress: [{ ports: [{ port: http }] }] }\n';
    const twoPorts = service('[{ name: http, port: 80, targetPort: http }, { name: metrics, port: 9090, targetPort: 9090 }]') + pod('web-1') + pod('web-2') + deny + allowHttp;
    expect(runHealthRule(rule('service-port-blocked'), { yaml: twoPorts })).toMatchObject([{ resource: { name: 'web' }, message: 'port 9090 (metrics) reaches no pod: deny, allow-http isolate its 2 pods and no ingress rule admits 9090/TCP: clients time out' }]);
    // One pod the policies do not select (another label set) admits it: not every pod refuses the port.
    const mixed = service('[{ port: 9090 }]') + pod('web-1') + pod('web-2', '{ app: web, tier: canary }') + deny.replace('podSelector: {}', 'podSelector: { matchLabels: { tier: canary } }');
    expect(runHealthRule(rule('service-port-blocked'), { yaml: mixed })).toEqual([]);
    // Host-network pods are outside NetworkPolicy.
    expect(runHealthRule(rule('service-port-blocked'), { yaml: service('[{ port: 9090 }]') + pod('web-1', '{ app: web }', 'hostNetwork: true, ') + deny })).toEqual([]);
    const cilium = '---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: { name: allow, namespace: n }\nspec: {}\n';
    expect(runHealthRule(rule('service-port-blocked'), { yaml: twoPorts + cilium })).toEqual([]);
    expect(runHealthRule(rule('service-port-blocked'), { yaml: twoPorts + cilium.replace('namespace: n', 'namespace: other') })).toHaveLength(1);
    expect(runHealthRule(rule('service-port-blocked'), { yaml: twoPorts, apiGroups: { 'crd.projectcalico.org': ['v1'] } })).toEqual([]);
  });

  it('DNS blocked: one finding for the pods a policy set isolates; a rule admitting the dns port by name lets it out; Cilium silences it', () => {
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: n, labels: { app: a } }\nspec: {}\nstatus: { phase: Running }\n---\n`;
    const deny = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: n }\nspec: { podSelector: {}, policyTypes: [Egress] }\n';
    const yaml = pod('a-1') + pod('a-2') + deny;
    expect(runHealthRule(rule('netpol-dns-blocked'), { yaml })).toMatchObject([{ resource: { kind: 'NetworkPolicy', name: 'deny' }, message: 'deny denies egress to 2 pods (a-1, a-2) and no egress rule admits DNS (53/UDP): every name lookup times out' }]);
    const byName = '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: dns, namespace: n }\nspec: { podSelector: {}, policyTypes: [Egress], egress: [{ ports: [{ port: dns, protocol: UDP }] }] }\n';
    expect(runHealthRule(rule('netpol-dns-blocked'), { yaml: yaml + byName })).toEqual([]);
    expect(runHealthRule(rule('netpol-dns-blocked'), { yaml: yaml + byName.replace('protocol: UDP', 'protocol: TCP') })).toHaveLength(1);
    expect(runHealthRule(rule('netpol-dns-blocked'), { yaml: yaml + '---\napiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata: { name: dns }\nspec: {}\n' })).toEqual([]);
  });

  it('an unmatched namespaceSelector: judged only when namespaces were read; an empty selector matches all; no guess without a namespace of that name', () => {
    const policy = (selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: n }\nspec: { podSelector: {}, egress: [{ to: [{ namespaceSelector: ${selector} }] }] }\n---\n`;
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: monitoring, labels: { kubernetes.io/metadata.name: monitoring } }\n';
    expect(runHealthRule(rule('netpol-selector-unmatched'), { yaml: policy('{ matchLabels: { name: monitoring } }') + namespace })).toMatchObject([{ message: 'egress rule 1: namespaceSelector name=monitoring matches no namespace, so it admits no one (namespace monitoring exists: did you mean kubernetes.io/metadata.name: monitoring?)' }]);
    expect(runHealthRule(rule('netpol-selector-unmatched'), { yaml: policy('{ matchLabels: { team: obs } }') + namespace })).toMatchObject([{ message: 'egress rule 1: namespaceSelector team=obs matches no namespace, so it admits no one' }]);
    expect(runHealthRule(rule('netpol-selector-unmatched'), { yaml: policy('{}') + namespace })).toEqual([]);
    expect(runHealthRule(rule('netpol-selector-unmatched'), { yaml: policy('{ matchLabels: { name: monitoring } }'), notInstalled: ['Namespace'] })).toEqual([]);
  });

  it("a TLS Secret matching its Certificate's notAfter is not reported twice; a stale one is", () => {
    const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: { name: c, namespace: n }\nspec: { secretName: c-tls }\nstatus: { notAfter: "2026-11-25T00:00:00Z" }\n---\n';
    const secret = (notAfter: string) => `apiVersion: v1\nkind: Secret\nmetadata: { name: c-tls, namespace: n }\ntype: kubernetes.io/tls\ncertificate: { notAfter: "${notAfter}", subject: CN=x }\n`;
    expect(runHealthRule(rule('certificate-expiry'), { yaml: certificate + secret('2026-11-25T00:00:00.000Z') }).map((f) => f.resource?.kind)).toEqual(['Certificate']);
    expect(runHealthRule(rule('certificate-expiry'), { yaml: certificate + secret('2026-11-20T00:00:00.000Z') }).map((f) => `${f.resource?.kind} ${f.severity}`)).toEqual(['Certificate critical', 'Secret critical']);
  });

  it("a Velero schedule with @every is judged by its interval; a paused one is a warning", () => {
    const schedule = (spec: string) => `apiVersion: velero.io/v1\nkind: Schedule\nmetadata: { name: s, namespace: velero, creationTimestamp: "2026-01-01T00:00:00Z" }\nspec: ${spec}\n---\napiVersion: velero.io/v1\nkind: Backup\nmetadata: { name: b, namespace: velero, labels: { velero.io/schedule-name: s } }\nstatus: { phase: Completed, completionTimestamp: "2026-11-23T01:00:00Z" }\n`;
    expect(runHealthRule(rule('velero-backup-stale'), { yaml: schedule('{ schedule: "@every 6h" }') })).toEqual([]);
    expect(runHealthRule(rule('velero-backup-stale'), { yaml: schedule('{ schedule: "@every 2h" }') })).toHaveLength(1);
    expect(runHealthRule(rule('velero-backup-stale'), { yaml: schedule('{ schedule: "0 3 * * *", paused: true }') })).toMatchObject([{ severity: 'warning', message: 'is paused: no backups are being taken' }]);
  });

  it('a CronJob is reported for consecutive failed runs, not for an old failure followed by success', () => {
    const job = (name: string, at: string, type: string) => `---\napiVersion: batch/v1\nkind: Job\nmetadata: { name: ${name}, namespace: b, creationTimestamp: "${at}", ownerReferences: [{ apiVersion: batch/v1, kind: CronJob, name: cj, controller: true }] }\nstatus: { conditions: [{ type: ${type}, status: "True" }] }\n`;
    const cronJob = 'apiVersion: batch/v1\nkind: CronJob\nmetadata: { name: cj, namespace: b }\nspec: { schedule: "0 * * * *" }\n';
    expect(runHealthRule(rule('cronjob-failing'), { yaml: cronJob + job('j1', '2026-11-23T09:00:00Z', 'Failed') + job('j2', '2026-11-23T10:00:00Z', 'Complete') })).toEqual([]);
    const failing = runHealthRule(rule('cronjob-failing'), { yaml: cronJob + job('j1', '2026-11-23T09:00:00Z', 'Complete') + job('j2', '2026-11-23T10:00:00Z', 'Failed') + job('j3', '2026-11-23T11:00:00Z', 'Failed') });
    expect(failing).toMatchObject([{ message: 'the last 2 runs failed (latest: Job j3); no successful run on record' }]);
  });

  it('a workload with no replica available is critical, a partly available one a warning', () => {
    const deployment = (available: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d, namespace: n }\nspec: { replicas: 3 }\nstatus: { availableReplicas: ${available} }\n`;
    expect(runHealthRule(rule('workload-unavailable'), { yaml: deployment(0) })).toMatchObject([{ severity: 'critical' }]);
    expect(runHealthRule(rule('workload-unavailable'), { yaml: deployment(2) })).toMatchObject([{ severity: 'warning', message: '2/3 replicas available' }]);
  });

  it('etcd close to its quota is critical', () => {
    const findings = runHealthRule(rule('etcd-db-size'), { etcdMetrics: 'etcd_db_total_size_in_bytes 1.9e+09\netcd_server_quota_backend_bytes 2.147483648e+09' });
    expect(findings).toMatchObject([{ severity: 'critical' }]);
  });
  it('a stuck StatefulSet rollout names the updated pod and how long it waited; old-revision pods do not count', () => {
    const set = (podRevision: string) => `
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: postgres, namespace: db, generation: 4 }
spec: { replicas: 3 }
status: { observedGeneration: 4, currentRevision: postgres-6d9f, updateRevision: postgres-7b8c, updatedReplicas: 1 }
---
apiVersion: v1
kind: Pod
metadata:
  name: postgres-2
  namespace: db
  creationTimestamp: "2026-11-23T11:20:00Z"
  labels: { controller-revision-hash: ${podRevision} }
  ownerReferences: [{ apiVersion: apps/v1, kind: StatefulSet, name: postgres, controller: true }]
status: { phase: Running, conditions: [{ type: Ready, status: "False" }] }
`;
    expect(runHealthRule(rule('workload-rollout-stuck'), { yaml: set('postgres-7b8c') })).toMatchObject([
      { message: 'rollout stuck: updated pod postgres-2 not Ready for 40m; 1/3 replicas updated', resource: { kind: 'StatefulSet', name: 'postgres' } },
    ]);
    expect(runHealthRule(rule('workload-rollout-stuck'), { yaml: set('postgres-6d9f') })).toEqual([]);
    expect(runHealthRule(rule('workload-rollout-stuck'), { yaml: set('postgres-7b8c'), rules: { 'workload-rollout-stuck': { minutes: 60 } } })).toEqual([]);
  });

  it('an object whose Argo CD Application or Flux HelmRelease is gone is orphaned; a copied tracking id, an owned object and a kept one are not', () => {
    const tracked = (id: string, extra = '') => `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: git-indexer\n  namespace: mcp\n  annotations: { argocd.argoproj.io/tracking-id: "${id}" }\n${extra}`;
    const app = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: { name: mcp-tools, namespace: argocd }\n';
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: tracked('mcp-tools:batch/CronJob:mcp/git-indexer') })).toMatchObject([
      { severity: 'warning', resource: { kind: 'CronJob', namespace: 'mcp', name: 'git-indexer' }, message: 'was synced by Argo CD Application mcp-tools, which no longer exists (deleted without cascade): nothing syncs or prunes it' },
    ]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: `${tracked('mcp-tools:batch/CronJob:mcp/git-indexer')}---\n${app}` })).toEqual([]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: tracked('mcp-tools:batch/CronJob:mcp/other-job') })).toEqual([]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: tracked('mcp-tools:batch/CronJob:mcp/git-indexer', '  ownerReferences: [{ apiVersion: example.com/v1, kind: Indexer, name: git, controller: true }]\n') })).toEqual([]);
    const released = (extra: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: grafana\n  namespace: monitoring\n  labels: { helm.toolkit.fluxcd.io/name: grafana, helm.toolkit.fluxcd.io/namespace: monitoring }\n${extra}`;
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: released('') })).toMatchObject([{ message: 'belongs to Flux HelmRelease monitoring/grafana, which no longer exists: the Helm release was left installed' }]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: `${released('')}---\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: { name: grafana, namespace: monitoring }\n` })).toEqual([]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: released('  deletionTimestamp: "2026-11-23T11:59:00Z"\n') })).toEqual([]);
  });

  it('Flux labels are judged only where Flux is read; an object kept with prune: disabled is not orphaned', () => {
    const labelled = (annotations = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llmkube\n  namespace: ai\n  labels: { kustomize.toolkit.fluxcd.io/name: apps, kustomize.toolkit.fluxcd.io/namespace: flux-system }\n${annotations}`;
    const kustomization = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: { name: apps, namespace: flux-system }\nspec: { prune: true }\nstatus: { inventory: { entries: [{ id: media_sonarr_apps_Deployment, v: v1 }] } }\n';
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: `${labelled()}---\n${kustomization}` })).toMatchObject([{ message: 'is labelled as applied by Flux Kustomization flux-system/apps but is not in its inventory: it was removed from Git and left in the cluster' }]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: `${labelled('  annotations: { kustomize.toolkit.fluxcd.io/prune: disabled }\n')}---\n${kustomization}` })).toEqual([]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: labelled(), notInstalled: ['Kustomization'] })).toEqual([]);
    expect(runHealthRule(rule('gitops-orphaned-object'), { yaml: `${labelled()}---\n${kustomization.replace('status: { inventory: { entries: [{ id: media_sonarr_apps_Deployment, v: v1 }] } }', 'status: {}')}` })).toEqual([]);
  });

  it('a claim that asks for more than it has: failures at once, a pending resize only after a while', () => {
    const claim = (status: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data, namespace: shop }\nspec: { resources: { requests: { storage: 20Gi } } }\nstatus: { phase: Bound, capacity: { storage: 10Gi }${status} }\n`;
    const failed = 'apiVersion: v1\nkind: Event\nmetadata: { name: data.1, namespace: shop }\ninvolvedObject: { kind: PersistentVolumeClaim, namespace: shop, name: data }\nreason: VolumeResizeFailed\ntype: Warning\nmessage: "resize volume \\"pvc-1\\" by resizer \\"rancher.io/local-path\\" failed: expansion is not supported"\nlastTimestamp: "2026-11-23T11:50:00Z"\n';
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: `${claim('')}---\n${failed}` })).toMatchObject([
      { severity: 'warning', message: 'asks for 20Gi but has 10Gi: the resize failed (resize volume "pvc-1" by resizer "rancher.io/local-path" failed: expansion is not supported)', hint: expect.stringContaining('The StorageClass must allow expansion') },
    ]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim(', allocatedResourceStatuses: { storage: ControllerResizeInfeasible }') })).toMatchObject([{ message: 'asks for 20Gi but has 10Gi: the resize is ControllerResizeInfeasible' }]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim(', conditions: [{ type: ControllerResizeError, status: "True", message: "volume is attached" }]') })).toMatchObject([{ message: 'asks for 20Gi but has 10Gi: ControllerResizeError (volume is attached)' }]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim(', conditions: [{ type: Resizing, status: "True", lastTransitionTime: "2026-11-23T10:00:00Z" }]') })).toMatchObject([{ message: 'asks for 20Gi but has 10Gi: resizing for 2h' }]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim(', conditions: [{ type: Resizing, status: "True", lastTransitionTime: "2026-11-23T11:50:00Z" }]') })).toEqual([]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim('') })).toEqual([]);
    expect(runHealthRule(rule('pvc-resize-stuck'), { yaml: claim('').replace('capacity: { storage: 10Gi }', 'capacity: { storage: 20480Mi }') })).toEqual([]);
  });

  it('node headroom: DaemonSet pods stay, cordoned and tainted nodes take nothing, one schedulable node is not judged', () => {
    const node = (name: string, spec = '{}') => `apiVersion: v1\nkind: Node\nmetadata: { name: ${name} }\nspec: ${spec}\nstatus: { allocatable: { cpu: "4", memory: 8Gi }, conditions: [{ type: Ready, status: "True" }] }\n`;
    const pod = (name: string, nodeName: string, cpu: string, owner = '') => `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, namespace: apps${owner} }\nspec: { nodeName: ${nodeName}, containers: [{ name: main, resources: { requests: { cpu: "${cpu}", memory: 1Gi } } }] }\nstatus: { phase: Running }\n`;
    const daemon = ', ownerReferences: [{ apiVersion: apps/v1, kind: DaemonSet, name: cilium, controller: true }]';
    const cluster = (...documents: string[]) => documents.join('---\n');
    // n2 runs 1 CPU of DaemonSet pods, n1 a 3.5 CPU app: n2 has 3 free, not enough.
    expect(runHealthRule(rule('node-headroom'), { yaml: cluster(node('n1'), node('n2'), pod('app', 'n1', '3500m'), pod('agent', 'n2', '1', daemon), pod('agent-2', 'n1', '1', daemon)) })).toMatchObject([
      { resource: { kind: 'Node', name: 'n1' }, message: 'if it goes down, its 1 pod request 3.5 CPU and 1 GiB memory, and the other schedulable nodes have 3 CPU and 7 GiB free: 500m CPU short, so some stay Pending until it is back' },
    ]);
    // A third node that is cordoned, or carries a control plane's taint, takes none of them.
    expect(runHealthRule(rule('node-headroom'), { yaml: cluster(node('n1'), node('n2'), node('n3', '{ unschedulable: true }'), pod('app', 'n1', '3500m'), pod('agent', 'n2', '1', daemon)) })).toHaveLength(1);
    expect(runHealthRule(rule('node-headroom'), { yaml: cluster(node('n1'), node('n2'), node('cp', '{ taints: [{ key: node-role.kubernetes.io/control-plane, effect: NoSchedule }] }'), pod('app', 'n1', '3500m'), pod('agent', 'n2', '1', daemon)) })).toHaveLength(1);
    expect(runHealthRule(rule('node-headroom'), { yaml: cluster(node('n1'), node('n2'), node('n3'), pod('app', 'n1', '3500m'), pod('agent', 'n2', '1', daemon)) })).toEqual([]);
    expect(runHealthRule(rule('node-headroom'), { yaml: cluster(node('n1'), node('n2', '{ unschedulable: true }'), pod('app', 'n1', '3500m')) })).toEqual([]);
  });
});
