import { describe, expect, it } from 'vitest';
import { DEFAULT_PLATFORM } from '../../src/config/platform.js';
import { buildRequest } from '../../src/vcluster/build-request.js';
import * as check from '../../src/vcluster/field-checks.js';
import { checkCreateInput, type CreateFlags } from '../../src/vcluster/request-input.js';

const build = (name: string, flags: CreateFlags) => {
  const { input, problems } = checkCreateInput(name, flags, DEFAULT_PLATFORM);
  expect(problems).toEqual([]);
  return buildRequest(input!, DEFAULT_PLATFORM) as { spec: Record<string, any> } & Record<string, any>;
};

const problemsOf = (flags: CreateFlags, name = 'team-a') => checkCreateInput(name, flags, DEFAULT_PLATFORM).problems.map((problem) => `${problem.flag} ${problem.message}`);

describe('the generated request', () => {
  it('has seed 002\'s shape for the dev preset', () => {
    const request = build('dev-team-1', {
      workloadRepoUrl: 'https://github.com/myorg/team-api-workloads',
      workloadRepoPath: 'deploy/k8s',
      workloadRepoRevision: 'main',
    });
    expect(request).toEqual({
      apiVersion: 'platform.integratn.tech/v1alpha1',
      kind: 'VClusterOrchestratorV2',
      metadata: { name: 'dev-team-1', namespace: 'platform-requests' },
      spec: {
        name: 'dev-team-1',
        targetNamespace: 'dev-team-1',
        projectName: 'dev-team-1',
        vcluster: { preset: 'dev', replicas: 1, isolationMode: 'standard', resources: { requests: { memory: '768Mi' }, limits: { memory: '1536Mi' } }, coredns: { replicas: 1 } },
        integrations: {
          certManager: { clusterIssuerSelectorLabels: { 'integratn.tech/cluster-issuer': 'letsencrypt-prod' } },
          externalSecrets: { clusterStoreSelectorLabels: { 'integratn.tech/cluster-secret-store': 'onepassword-store' } },
          argocd: { environment: 'production', workloadRepo: { url: 'https://github.com/myorg/team-api-workloads', path: 'deploy/k8s', revision: 'main' } },
        },
        exposure: { hostname: 'dev-team-1.cluster.integratn.tech', apiPort: 443 },
        argocdApplication: {
          repoURL: 'https://charts.loft.sh',
          chart: 'vcluster',
          targetRevision: '0.31.0',
          syncPolicy: { automated: { selfHeal: true, prune: true }, syncOptions: ['CreateNamespace=true'] },
        },
        networkPolicies: { enableNFS: false },
      },
    });
  });

  it('prod: 3 replicas, 2Gi, etcd HA with its certificates mounted, 10Gi persistence, 2 CoreDNS', () => {
    const { vcluster } = build('my-prod', { preset: 'prod' }).spec;
    expect(vcluster).toMatchObject({ preset: 'prod', replicas: 3, resources: { requests: { memory: '2Gi' }, limits: { memory: '2Gi' } }, persistence: { enabled: true, size: '10Gi' }, coredns: { replicas: 2 } });
    expect(vcluster.isolationMode).toBeUndefined();
    expect(vcluster.backingStore).toEqual({ etcd: { deploy: { enabled: true, statefulSet: { highAvailability: { replicas: 3 } } } } });
    expect(vcluster.helmOverrides.controlPlane.statefulSet.persistence.addVolumes).toEqual([{ name: 'etcd-certs', secret: { secretName: 'my-prod-etcd-certs' } }]);
    expect(vcluster.helmOverrides.controlPlane.backingStore.etcd.deploy.statefulSet.extraArgs).toEqual(['--client-cert-auth=false']);
    // The seed's metrics-server override left tenants without metrics; it is not generated.
    expect(vcluster.helmOverrides.integrations).toBeUndefined();
  });

  it('carries the seed\'s flag examples: egress, subnet and VIP, labels, chart version, persistence', () => {
    const { spec } = build('data-team', {
      preset: 'prod',
      replicas: '5',
      enableNfs: true,
      extraEgress: ['postgres:10.0.1.50/32:5432', 'redis:10.0.1.60/32:6379:udp'],
      subnet: '10.0.4.0/24',
      vip: '10.0.4.215',
      isolation: 'strict',
      persistenceSize: '20Gi',
      storageClass: 'longhorn',
      clusterLabel: ['team=backend'],
      clusterAnnotation: ['owner=platform team'],
      chartVersion: '0.31.1',
    });
    expect(spec.networkPolicies).toEqual({
      enableNFS: true,
      extraEgress: [
        { name: 'postgres', cidr: '10.0.1.50/32', port: 5432, protocol: 'TCP' },
        { name: 'redis', cidr: '10.0.1.60/32', port: 6379, protocol: 'UDP' },
      ],
    });
    expect(spec.exposure).toEqual({ hostname: 'data-team.cluster.integratn.tech', subnet: '10.0.4.0/24', vip: '10.0.4.215', apiPort: 443 });
    expect(spec.vcluster).toMatchObject({ replicas: 5, isolationMode: 'strict', persistence: { enabled: true, size: '20Gi', storageClass: 'longhorn' } });
    expect(spec.vcluster.backingStore.etcd.deploy.statefulSet.highAvailability.replicas).toBe(5);
    expect(spec.integrations.argocd).toEqual({ environment: 'production', clusterLabels: { team: 'backend' }, clusterAnnotations: { owner: 'platform team' } });
    expect(spec.argocdApplication.targetRevision).toBe('0.31.1');
  });

  it('--no-persistence turns the prod volume off; --persistence on dev gets 10Gi', () => {
    expect(build('a', { preset: 'prod', persistence: false }).spec.vcluster.persistence).toBeUndefined();
    expect(build('a', { persistence: true }).spec.vcluster.persistence).toEqual({ enabled: true, size: '10Gi' });
  });
});

describe('checking the flags', () => {
  it('accepts the seed\'s examples', () => {
    expect(problemsOf({ preset: 'prod', replicas: '3', hostname: 'my-prod.cluster.integratn.tech', isolation: 'strict', persistence: true, persistenceSize: '20Gi', clusterLabel: ['team=backend'], clusterAnnotation: ['owner=platform-team'], chartVersion: '0.31.1' })).toEqual([]);
  });

  it('names every bad value with its flag', () => {
    expect(
      problemsOf({
        preset: 'large',
        replicas: 'three',
        environment: 'prod env',
        isolation: 'loose',
        subnet: '10.0.4.1/24',
        apiPort: '70000',
        persistenceSize: '20GB',
        corednsReplicas: '0',
        workloadRepoUrl: 'github.com/org/repo',
        workloadRepoPath: '../elsewhere',
        workloadRepoRevision: 'feature branch',
        clusterLabel: ['team'],
        chartVersion: 'latest',
        k8sVersion: 'latest',
      }),
    ).toEqual([
      '--preset must be one of: dev, prod',
      '--replicas must be a whole number from 1 to 9',
      '--environment must be empty or letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
      '--k8s-version must be a Kubernetes version like v1.34.3 or 1.33',
      '--isolation must be one of: standard, strict',
      '--subnet has host bits set; the network is 10.0.4.0/24',
      '--api-port must be from 1 to 65535',
      '--persistence-size must be a Kubernetes quantity like 10Gi',
      '--coredns-replicas must be from 1 to 9',
      '--workload-repo-url must be a Git URL (https://…, ssh://… or git@host:owner/repo)',
      '--workload-repo-path must stay inside the repository (no "..")',
      '--workload-repo-revision must be a branch, tag or commit (no spaces, no "..")',
      '--cluster-label must be key=value',
      '--chart-version must be a chart version (semver) like 0.31.0',
    ]);
  });

  it('egress rules: shape, CIDR, port, protocol and unique names', () => {
    expect(problemsOf({ extraEgress: ['db:10.0.1.50/32'] })).toEqual(['--extra-egress must be name:cidr:port[:protocol], like postgres:10.0.1.50/32:5432']);
    expect(problemsOf({ extraEgress: ['DB:10.0.1.50/32:5432'] })[0]).toContain('name "DB" must be lowercase');
    expect(problemsOf({ extraEgress: ['db:10.0.1.500/32:5432'] })).toEqual(['--extra-egress CIDR "10.0.1.500/32" must be an IPv4 CIDR like 10.0.4.0/24']);
    expect(problemsOf({ extraEgress: ['db:10.0.1.50/32:0'] })).toEqual(['--extra-egress port "0" must be from 1 to 65535']);
    expect(problemsOf({ extraEgress: ['db:10.0.1.50/32:53:SCTP'] })).toEqual(['--extra-egress protocol "SCTP" must be TCP or UDP']);
    expect(problemsOf({ extraEgress: ['db:10.0.1.50/32:5432', 'db:10.0.1.51/32:5432'] })).toEqual(['--extra-egress names two egress rules; each needs its own name']);
  });

  it('the VIP must be a usable address inside the subnet (the flag\'s, else platform.clusterSubnet)', () => {
    expect(problemsOf({ subnet: '10.0.4.0/24', vip: '10.0.4.0' })).toEqual(['--vip 10.0.4.0 is the network address of 10.0.4.0/24']);
    expect(problemsOf({ subnet: '10.0.4.0/24', vip: '10.0.4.255' })).toEqual(['--vip 10.0.4.255 is the broadcast address of 10.0.4.0/24']);
    expect(checkCreateInput('a', { vip: '10.0.9.1' }, { ...DEFAULT_PLATFORM, clusterSubnet: '10.0.4.0/24' }).problems[0]?.message).toBe('10.0.9.1 is not inside 10.0.4.0/24 (platform.clusterSubnet in the config)');
    expect(problemsOf({ vip: '10.0.9.1' })).toEqual([]);
  });

  it('label keys may carry a DNS prefix; an empty key is refused', () => {
    expect(check.labelKey('platform.integratn.tech/reconcile-at')).toBeUndefined();
    expect(check.labelKey('')).toBe('key "" is empty');
    expect(check.labelKey('Bad_Prefix/x')).toContain('has a prefix that must be lowercase letters, digits, "-" and "."');
  });

  it('names longer than 63 characters are refused', () => {
    expect(problemsOf({}, 'a'.repeat(64))).toEqual(['NAME is 64 characters; at most 63 are allowed']);
  });
});
