import { afterEach, describe, expect, it } from 'vitest';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import type { PodDossier } from '../../src/debug/pod-dossier.js';
import type { Report } from '../../src/report/report.js';
import { exampleCluster, TLS_KEY_BASE64 } from '../cluster/example-cluster.js';
import { kubeconfigFile, startFakeApiServer, type FakeApiServer, type FakeClusterOptions } from '../cluster/fake-api-server.js';
import { runCli, runCliAsync } from './run-cli.js';
import { validateReport } from './report-schema.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const replicaSet: LiveObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'sonarr-7d9c6b5f4', namespace: 'media', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'sonarr', controller: true }] },
  spec: { replicas: 1 },
  status: { replicas: 1, readyReplicas: 0 },
};
const denyIngress: LiveObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace: 'media' },
  spec: { podSelector: {}, policyTypes: ['Ingress'] },
};
const sonarrSecret: LiveObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sonarr-secret', namespace: 'media' }, type: 'Opaque', data: { 'api-key': 'c3VwZXItc2VjcmV0LWtleQ==' } };

/** The bundled example cluster with what only a deep dive reads: the ReplicaSet, a policy, the crashed run's log. */
async function cluster(changes: (options: FakeClusterOptions) => void = () => {}): Promise<FakeClusterOptions> {
  const options = await exampleCluster();
  options.objects.ReplicaSet = [replicaSet];
  options.objects.NetworkPolicy = [denyIngress];
  options.objects.Namespace = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'media' } }];
  options.logs = { 'media/sonarr-7d9c6b5f4-x2x8q/sonarr': '[Info] Bootstrap: Starting Sonarr\n[Fatal] ConsoleApp: EPIC FAIL!\nSystem.InvalidOperationException: config.xml is corrupt\n' };
  changes(options);
  return options;
}

describe('hctl debug pod against an API server', () => {
  it('a crash-looping pod: its chain up to the failing Kustomization, its log, a Secret gone while it runs, a port no policy admits — exit 2', async () => {
    server = await startFakeApiServer(await cluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '--format', 'json'], { env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const pod = (report.details as { pod: PodDossier }).pod;
    expect(pod).toMatchObject({ namespace: 'media', name: 'sonarr-7d9c6b5f4-x2x8q', resolvedFrom: 'sonarr', phase: 'Running', ready: '0/1', restarts: 47, node: 'worker-1' });
    expect(pod.owners).toEqual([
      { kind: 'ReplicaSet', name: 'sonarr-7d9c6b5f4', read: true, status: '0/1 ready' },
      { kind: 'Deployment', name: 'sonarr', read: true, status: '0/1 ready' },
    ]);
    expect(pod.gitops).toMatchObject([{ kind: 'Kustomization', namespace: 'flux-system', name: 'apps', read: true, status: expect.stringMatching(/^Ready False: BuildFailed/) }]);
    expect(pod.logs).toEqual([{ container: 'sonarr', previous: false, lines: ['[Info] Bootstrap: Starting Sonarr', '[Fatal] ConsoleApp: EPIC FAIL!', 'System.InvalidOperationException: config.xml is corrupt'] }]);
    expect(pod.references).toEqual([{ kind: 'Secret', name: 'sonarr-secret', key: 'api-key', optional: false, usedBy: 'env SONARR__AUTH__APIKEY of container sonarr', state: 'missing' }]);
    expect(pod.services).toEqual([{ name: 'sonarr', ports: [{ port: 8989, target: 'http', protocol: 'TCP', containerPort: 8989, blocked: true }], endpoint: 'not ready' }]);
    expect(pod.network).toEqual({ policies: ['default-deny'], ingressIsolated: true, egressIsolated: false, read: true });
    expect(pod.volumes).toEqual([{ name: 'config', type: 'persistentVolumeClaim', source: 'sonarr-config', status: 'Bound 10Gi longhorn 86% used' }]);
    expect(report.findings.map((finding) => `${finding.severity} ${finding.rule} ${finding.resource?.kind}/${finding.resource?.name}`)).toEqual([
      'critical pod-crash-looping Pod/sonarr-7d9c6b5f4-x2x8q',
      'warning pod-reference-missing Pod/sonarr-7d9c6b5f4-x2x8q',
      'critical workload-unavailable Deployment/sonarr',
      'critical flux-not-ready Kustomization/apps',
      'warning pvc-usage PersistentVolumeClaim/sonarr-config',
      'warning service-no-endpoints Service/sonarr',
      'warning service-port-blocked Service/sonarr',
    ]);
    expect(report.findings.find((finding) => finding.rule === 'pod-reference-missing')?.message).toBe(
      'Secret media/sonarr-secret does not exist (env SONARR__AUTH__APIKEY of container sonarr): the running containers keep what they read at start, but the next start fails',
    );
    // Read-only, and only what concerns the pod: no cluster-wide pod or secret lists.
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
    const paths = server.requests.map((request) => request.path.split('?')[0]);
    expect(paths).toContain('/apis/apps/v1/namespaces/media/replicasets/sonarr-7d9c6b5f4');
    expect(paths).toContain('/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps');
    expect(paths).toContain('/api/v1/namespaces/media/secrets/sonarr-secret');
    expect(paths).not.toContain('/api/v1/pods');
    expect(paths).not.toContain('/api/v1/secrets');
    expect((report.details as { requests: number }).requests).toBe(server.requests.length);
  });

  it("metrics-server's usage next to the limits, memory as a share of the limit", async () => {
    server = await startFakeApiServer(await cluster((options) => {
      options.groups['metrics.k8s.io'] = ['v1beta1'];
      options.objects.PodMetrics = [{ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: 'radarr-5b8f7c9d6-kq2lm', namespace: 'media' }, containers: [{ name: 'radarr', usage: { cpu: '12m', memory: '972Mi' } }] } as LiveObject];
    }));
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['debug', 'pod', 'media/radarr', '--kubeconfig', file, '--tail', '0'], { env });
    expect(result.stdout).toContain('\n    limits memory 1Gi\n    using cpu 12m, memory 972Mi (95% of its limit)\n');
    expect(server.requests.some((request) => request.path.includes('/log'))).toBe(false);
    const sonarr = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '-f', 'json'], { env });
    // metrics-server has no usage for sonarr: no usage line.
    expect(((JSON.parse(sonarr.stdout) as Report).details as { pod: PodDossier }).pod.containers[0]!.usage).toBeUndefined();
  });

  it("its node's warning events, which the kubelet records in default; not the node's normal ones, not another node's", async () => {
    const nodeEvent = (name: string, node: string, type: string, reason: string, message: string): LiveObject => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Node', name: node, uid: node },
      type,
      reason,
      message,
      count: 1,
      lastTimestamp: '2026-11-20T08:50:00Z',
    });
    server = await startFakeApiServer(await cluster((options) => {
      options.objects.Event!.push(
        nodeEvent('worker-1.oom', 'worker-1', 'Warning', 'SystemOOM', 'System OOM encountered, victim process: java, pid: 4242'),
        nodeEvent('worker-1.ready', 'worker-1', 'Normal', 'NodeReady', 'Node worker-1 status is now: NodeReady'),
        nodeEvent('worker-2.reboot', 'worker-2', 'Warning', 'Rebooted', 'Node worker-2 has been rebooted'),
      );
    }));
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '-f', 'json', '--tail', '0'], { env });
    const pod = ((JSON.parse(result.stdout) as Report).details as { pod: PodDossier }).pod;
    expect(pod.events.filter((event) => event.object.startsWith('Node'))).toEqual([
      { type: 'Warning', reason: 'SystemOOM', message: 'System OOM encountered, victim process: java, pid: 4242', count: 1, object: 'Node worker-1', lastSeen: '2026-11-20T08:50:00Z' },
    ]);
    expect(server.requests.map((request) => request.path)).toContain('/api/v1/namespaces/default/events?limit=500&fieldSelector=involvedObject.name%3Dworker-1');
    const text = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '--tail', '0'], { env: { ...env, NO_COLOR: '1' } });
    expect(text.stdout).toContain('Warning SystemOOM  Node worker-1: System OOM encountered, victim process: java, pid: 4242');
  });

  it('an Argo CD tracking id leads to its Application, found by name across namespaces', async () => {
    server = await startFakeApiServer(await cluster((options) => {
      options.groups['argoproj.io'] = ['v1alpha1'];
      const radarr = options.objects.Deployment!.find((deployment) => deployment.metadata.name === 'radarr')!;
      radarr.metadata.annotations = { 'argocd.argoproj.io/tracking-id': 'media-stack:apps/Deployment:media/radarr' };
      options.objects.ReplicaSet!.push({ ...replicaSet, metadata: { ...replicaSet.metadata, name: 'radarr-5b8f7c9d6', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'radarr', controller: true }] } });
      options.objects.Application = [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'media-stack', namespace: 'argocd' }, status: { sync: { status: 'OutOfSync' }, health: { status: 'Healthy' } } }];
    }));
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const report = JSON.parse((await runCliAsync(['debug', 'pod', 'media/radarr', '--kubeconfig', file, '-f', 'json'], { env })).stdout) as Report;
    expect((report.details as { pod: PodDossier }).pod.gitops).toEqual([{ kind: 'Application', namespace: 'argocd', name: 'media-stack', read: true, status: 'OutOfSync, Healthy' }]);
    expect(report.findings.map((finding) => `${finding.rule} ${finding.resource?.name}`)).toContain('argocd-app-out-of-sync media-stack');
    expect(server.requests.map((request) => request.path)).toContain('/apis/argoproj.io/v1alpha1/applications?limit=500&fieldSelector=metadata.name%3Dmedia-stack');
  });

  it('a workload whose Kustomization is gone: the chain says so, and gitops-orphaned-object reports it', async () => {
    server = await startFakeApiServer(await cluster((options) => {
      const sonarr = options.objects.Deployment!.find((deployment) => deployment.metadata.name === 'sonarr')!;
      sonarr.metadata.labels = { 'kustomize.toolkit.fluxcd.io/name': 'old-apps', 'kustomize.toolkit.fluxcd.io/namespace': 'flux-system' };
    }));
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const report = JSON.parse((await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '-f', 'json'], { env })).stdout) as Report;
    expect((report.details as { pod: PodDossier }).pod.gitops).toEqual([{ kind: 'Kustomization', namespace: 'flux-system', name: 'old-apps', read: false, status: 'Kustomization flux-system/old-apps not found' }]);
    expect(report.findings.find((finding) => finding.rule === 'gitops-orphaned-object')).toMatchObject({ resource: { kind: 'Deployment', name: 'sonarr' }, message: expect.stringContaining('old-apps, which no longer exists') });
  });

  it('never prints a Secret value, and names the keys it found', async () => {
    server = await startFakeApiServer(await cluster((options) => options.objects.Secret!.push(sonarrSecret)));
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['debug', 'pod', 'media/sonarr-7d9c6b5f4-x2x8q', '--kubeconfig', file, '-f', 'json'], { env });
    expect(result.stdout).not.toContain('c3VwZXItc2VjcmV0LWtleQ');
    expect(result.stdout).not.toContain('super-secret-key');
    expect(result.stdout).not.toContain(TLS_KEY_BASE64.slice(0, 40));
    const pod = ((JSON.parse(result.stdout) as Report).details as { pod: PodDossier }).pod;
    expect(pod.references[0]?.state).toBe('found');
    expect(pod.resolvedFrom).toBeUndefined();
  });

  it('in text: the sections, the log, the verdict last', async () => {
    server = await startFakeApiServer(await cluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const result = await runCliAsync(['debug', 'pod', 'sonarr', '-n', 'media', '--kubeconfig', file, '--tail', '2'], { env });
    expect(result.status).toBe(2);
    for (const heading of ['Containers', 'Volumes', 'References', 'Services', 'NetworkPolicies', 'Events (1, newest last)', 'Logs', 'Findings']) expect(result.stdout).toContain(`\n${heading}\n`);
    expect(result.stdout).toContain('Owners    ReplicaSet sonarr-7d9c6b5f4 (0/1 ready) → Deployment sonarr (0/1 ready)');
    expect(result.stdout).toContain('8989→http/TCP (no NetworkPolicy rule admits it)');
    expect(result.stdout).toContain('│ System.InvalidOperationException: config.xml is corrupt');
    expect(result.stdout).not.toContain('Bootstrap');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('CRITICAL');
  });

  it('as a user who may not read logs or Secrets: the rest of the report, with what was not read said', async () => {
    server = await startFakeApiServer(await cluster((options) => (options.tokens = { viewer: { forbidden: ['pods/log', 'secrets', 'nodes'] } })));
    const { file, env } = kubeconfigFile(server.url, 'viewer');
    const result = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file, '-f', 'json'], { env });
    expect(result.status).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    const pod = (report.details as { pod: PodDossier }).pod;
    expect(pod.logs?.[0]?.unavailable).toMatch(/^not allowed to read pods\/log: pods "sonarr-7d9c6b5f4-x2x8q" is forbidden/);
    expect(pod.references[0]).toMatchObject({ state: 'unknown', reason: expect.stringMatching(/^not allowed to get secrets media\/sonarr-secret/) });
    expect(pod.nodeStatus).toBeUndefined();
    expect(pod.unread).toEqual([expect.stringMatching(/^Node: not allowed to get nodes worker-1/)]);
    expect(report.findings.map((finding) => finding.rule)).toContain('read-skipped');
  });

  it('a pod that does not exist exits 3 and lists the namespace\'s pods; a prefix of several pods asks for one', async () => {
    server = await startFakeApiServer(await cluster());
    const { file, env } = kubeconfigFile(server.url, 'admin-token');
    const missing = await runCliAsync(['debug', 'pod', 'media/sonar', '--kubeconfig', file], { env });
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe('hctl debug pod: pod media/sonar not found; pods in media: jellyfin-6d8b7c5f9-2kq7x, jellyfin-6d8b7c5f9-9vbnm, radarr-5b8f7c9d6-kq2lm, sonarr-7d9c6b5f4-x2x8q\n');
    const ambiguous = await runCliAsync(['debug', 'pod', 'media/jellyfin', '--kubeconfig', file, '-f', 'json'], { env });
    expect(ambiguous.status).toBe(3);
    expect(ambiguous.stderr).toContain('2 pods begin with "jellyfin-": jellyfin-6d8b7c5f9-2kq7x, jellyfin-6d8b7c5f9-9vbnm (name one)');
    expect(JSON.parse(ambiguous.stdout)).toMatchObject({ command: 'debug pod', status: 'error' });
  });

  it('rejected credentials exit 3 with one line', async () => {
    server = await startFakeApiServer(await cluster());
    const { file, env } = kubeconfigFile(server.url, 'wrong-token');
    const result = await runCliAsync(['debug', 'pod', 'media/sonarr', '--kubeconfig', file], { env });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^hctl debug pod: .*rejected the credentials \(401 Unauthorized\).*\(context homelab\)\n$/);
  });
});

describe('hctl debug pod on a snapshot', () => {
  it('judges the pod offline from what the snapshot holds: owners inferred, no logs', () => {
    const result = runCli(['debug', 'pod', 'media/sonarr', '--snapshot', 'examples/cluster-snapshot', '-f', 'json']);
    expect(result.status).toBe(2);
    const pod = ((JSON.parse(result.stdout) as Report).details as { pod: PodDossier }).pod;
    expect(pod.owners).toEqual([{ kind: 'ReplicaSet', name: 'sonarr-7d9c6b5f4', read: false }, { kind: 'Deployment', name: 'sonarr', read: true, status: '0/1 ready' }]);
    expect(pod.logs).toBeUndefined();
    expect(pod.references[0]).toMatchObject({ state: 'unknown' });
  });

  it('a healthy pod exits 0; one behind a policy that closes its Service port exits 1; one whose node is NotReady says so', () => {
    const healthy = runCli(['debug', 'pod', 'flux-system/source-controller', '--snapshot', 'examples/cluster-snapshot']);
    expect(healthy.status).toBe(0);
    expect(healthy.stdout.trim().split('\n').at(-1)).toBe('HEALTHY');
    const blocked = runCli(['debug', 'pod', 'media/radarr', '--snapshot', 'examples/cluster-snapshot']);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('radarr  7878→http/TCP (no NetworkPolicy rule admits it)  endpoint ready');
    expect(blocked.stdout).toContain('service-port-blocked');
    const evicted = runCli(['debug', 'pod', 'media/jellyfin-6d8b7c5f9-2kq7x', '--snapshot', 'examples/cluster-snapshot', '-f', 'json']);
    const report = JSON.parse(evicted.stdout) as Report;
    expect(report.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['pod-failed', 'node-not-ready']));
  });

  it('an unschedulable pod: no node, containers not created, the scheduler\'s event and pod-pending', () => {
    const result = runCli(['debug', 'pod', 'ai/ollama-0', '--snapshot', 'examples/cluster-snapshot', '-f', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const pod = (report.details as { pod: PodDossier }).pod;
    expect(pod).toMatchObject({ phase: 'Pending', owners: [{ kind: 'StatefulSet', name: 'ollama', read: false }], containers: [{ name: 'ollama', state: 'not created', requests: { 'nvidia.com/gpu': '1' } }] });
    expect(pod.node).toBeUndefined();
    expect(pod.events).toEqual([{ type: 'Warning', reason: 'FailedScheduling', message: '0/3 nodes are available: 2 Insufficient nvidia.com/gpu.', count: 14, object: 'pod' }]);
    expect(report.findings.map((finding) => finding.rule)).toEqual(['pod-pending']);
  });

  it('bad arguments exit 3 with one line', () => {
    expect(runCli(['debug', 'pod', 'a/b/c', '--snapshot', 'examples/cluster-snapshot'])).toMatchObject({ status: 3, stderr: 'hctl debug pod: "a/b/c" is not a pod: give NAMESPACE/POD (or POD with --namespace)\n' });
    expect(runCli(['debug', 'pod', 'media/sonarr', '--snapshot', 'examples/cluster-snapshot', '--tail', '-1'])).toMatchObject({ status: 3 });
    expect(runCli(['debug', 'pod', 'nowhere/x', '--snapshot', 'examples/cluster-snapshot'])).toMatchObject({ status: 3, stderr: 'hctl debug pod: pod nowhere/x not found: namespace nowhere has no pods\n' });
  });
});
