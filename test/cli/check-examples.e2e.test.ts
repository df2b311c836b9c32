import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { runCli } from './run-cli.js';

import { validateReport as validate } from './report-schema.js';

function checkJson(target: string, extra: string[] = []): { status: number | null; report: Report } {
  const result = runCli(['check', target, '--format', 'json', ...extra]);
  const report = JSON.parse(result.stdout) as Report;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return { status: result.status, report };
}

const where = (report: Report) => report.findings.map((finding) => `${finding.rule} ${finding.location?.file}:${finding.location?.line}`);

describe('hctl check on the bundled examples', () => {
  it('the Flux example is NO-GO, each problem at its own line, and its JSON matches the published schema', () => {
    const { status, report } = checkJson('examples/flux-homelab');
    expect(status).toBe(2);
    expect(report.status).toBe('critical');
    expect(where(report)).toEqual([
      'yaml-non-string-value apps/home/home-assistant/configmap.yaml:8',
      'eso-deprecated-api apps/home/home-assistant/externalsecret.yaml:1',
      'secret-plaintext apps/home/home-assistant/mqtt-secret.yaml:7',
      'netpol-allow-all-rule apps/home/network-policies.yaml:36',
      'schema-invalid apps/home/network-policies.yaml:45',
      'schema-invalid apps/media/jellyfin/helmrelease.yaml:8',
      'flux-helmrelease-chart-version apps/media/jellyfin/helmrelease.yaml:12',
      'flux-helmrelease-infinite-retries apps/media/jellyfin/helmrelease.yaml:22',
      'image-unpinned apps/media/jellyfin/helmrelease.yaml:26',
      'yaml-kustomize-boolean apps/media/jellyfin/helmrelease.yaml:35',
      'netpol-missing-default-deny apps/media/namespace.yaml:1',
      'workload-resources apps/media/sonarr/deployment.yaml:21',
      'api-validation apps/media/sonarr/deployment.yaml:24',
      'deprecated-api apps/media/transmission/deployment.yaml:2',
      'schema-unknown apps/media/transmission/deployment.yaml:2',
      'flux-kustomization-no-wait clusters/home/apps.yaml:6',
      'flux-deprecated-api clusters/home/sources.yaml:1',
      'yaml-duplicate-key infrastructure/cert-manager/ks.yaml:12',
      'kustomize-build-error infrastructure/kustomization.yaml:4',
    ]);
    // The issue's three examples, each at its own line; the valid retryInterval of the apps Kustomization is not reported.
    const schema = report.findings.filter((finding) => finding.rule === 'schema-invalid');
    expect(schema.map((finding) => [finding.message, finding.pointer])).toEqual([
      ['unknown field spec.podSelector.matchLoads', '/spec/podSelector/matchLoads'],
      ['unknown field spec.retryInterval', '/spec/retryInterval'],
    ]);
    expect(schema[0]!.hint).toMatch(/^Did you mean matchLabels\?/);
    // The unverified document is a removed Deployment version (deprecated-api's), not a CRD to fetch.
    expect(report.details.inventory).toMatchObject({ files: 17, documents: 17, validated: 16, unverified: 1, unverifiedKinds: {}, kustomizations: 3, templated: 0, skipped: 0 });
    expect(report.summary).toMatchObject({ critical: 10, warnings: 8, info: 1 });
    expect(report.issues).toContain(
      'apps/home/home-assistant/mqtt-secret.yaml:7:1: critical: Secret home/mqtt-credentials: 2 values in plain text under stringData [secret-plaintext]',
    );
  });

  it('the Argo CD example is NO-GO and honours its inline and config suppressions', () => {
    const { status, report } = checkJson('examples/argocd-homelab');
    expect(status).toBe(2);
    expect(where(report)).toEqual([
      'workload-resources apps/ollama/deployment.yaml:20',
      'vault-agent-job-sidecar apps/taskapp/backup-cronjob.yaml:13',
      'workload-resources apps/taskapp/backup-cronjob.yaml:22',
      'schema-invalid apps/taskapp/external-secret.yaml:14',
      'schema-invalid apps/taskapp/external-secret.yaml:15',
      'workload-no-pdb apps/taskapp/frontend.yaml:7',
      'image-unpinned apps/taskapp/frontend.yaml:18',
      'workload-resources apps/taskapp/frontend.yaml:19',
      'netpol-egress-no-dns apps/taskapp/namespace.yaml:6',
      // A template of the repository's own chart, rendered offline, reported at its template line.
      'eso-deprecated-api apps/uptime-kuma/templates/external-secret.yaml:1',
      'argocd-chart-unpinned argocd/apps/loki.yaml:11',
      'argocd-no-selfheal argocd/apps/loki.yaml:19',
      'argocd-namespace-missing argocd/apps/vault.yaml:14',
      'argocd-infinite-retry argocd/apps/vault.yaml:20',
    ]);
    // .hctl.yaml's profile settings are in force: the cpu-limits option asks for CPU limits.
    expect(report.findings[0]!.message).toContain('no CPU limit');
    expect(report.details.config).toMatch(/examples\/argocd-homelab\/\.hctl\.yaml$/);
  });

  it('never prints a secret value, in any format', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const result = runCli(['check', 'examples/flux-homelab', '--format', format]);
      expect(result.stdout).not.toContain('correct-horse-battery-staple');
      expect(result.stdout).not.toContain('homeassistant\n');
    }
  });
});

describe('verdicts and exit codes', () => {
  it('a well-formed repo is GO with exit 0', () => {
    const text = runCli(['check', 'test/fixtures/repos/good-flux']);
    expect(text.status).toBe(0);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('GO');
    const { report } = checkJson('test/fixtures/repos/good-flux');
    expect(report.findings).toEqual([]);
    expect(report.status).toBe('healthy');
    expect(report.details.inventory).toMatchObject({ documents: 10, validated: 10, unverified: 0, kustomizations: 1, sopsEncrypted: 1 });
  });

  it('warnings only: exit 1, still GO', () => {
    const result = runCli(['check', 'test/fixtures/repos/warnings-only']);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('GO');
  });

  it('NO-GO is the last line of the text report, without colour when piped', () => {
    const result = runCli(['check', 'examples/flux-homelab']);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('NO-GO');
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout).toMatch(/^apps\/home\/home-assistant\/configmap\.yaml\n {2}8:10 +critical/m);
  });

  it('checks a single file', () => {
    const result = runCli(['check', 'examples/flux-homelab/clusters/home/sources.yaml', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(where(JSON.parse(result.stdout) as Report)).toEqual(['flux-deprecated-api sources.yaml:1']);
  });
});
