import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import type { Report } from '../../src/report/report.js';
import { kubeconfigFor, startFakeApiServer, type FakeApiServer } from '../cluster/fake-api-server.js';
import { runCliAsync } from '../cli/run-cli.js';
import { tempDir } from '../temp-dir.js';

let server: FakeApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A CRD as the API server returns it: with status, managed fields and a conversion webhook's CA bundle. */
function crd(group: string, kind: string, plural: string, specSchema: Record<string, unknown>): LiveObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}`, uid: 'b6f0c2d4', resourceVersion: '88121', managedFields: [{ manager: 'helm', operation: 'Apply' }] },
    spec: {
      group,
      names: { kind, plural, singular: kind.toLowerCase(), listKind: `${kind}List` },
      scope: 'Namespaced',
      conversion: { strategy: 'Webhook', webhook: { clientConfig: { caBundle: 'LS0tLS1CRUdJTi...' }, conversionReviewVersions: ['v1'] } },
      versions: [{ name: 'v1beta1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: specSchema } } } }],
    },
    status: { acceptedNames: { kind, plural }, storedVersions: ['v1beta1'] },
  } as LiveObject;
}

const kanidmGroup = crd('kaniop.rs', 'KanidmGroup', 'kanidmgroups', {
  type: 'object',
  required: ['kanidmRef'],
  properties: {
    kanidmRef: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
    members: { type: 'array', items: { type: 'string' } },
  },
});
const silence = crd('observability.giantswarm.io', 'Silence', 'silences', { type: 'object', properties: { matchers: { type: 'array', items: { type: 'object' } } } });

async function cluster(token = 'admin-token') {
  server = await startFakeApiServer({
    groups: { 'apiextensions.k8s.io': ['v1'] },
    objects: { CustomResourceDefinition: [kanidmGroup, silence] },
    tokens: { 'admin-token': {}, 'viewer-token': { forbidden: ['customresourcedefinitions'] } },
    types: [{ kind: 'CustomResourceDefinition', group: 'apiextensions.k8s.io', plural: 'customresourcedefinitions' }],
  });
  const home = tempDir('home');
  const kubeconfig = path.join(home, 'kubeconfig');
  writeFileSync(kubeconfig, kubeconfigFor(server.url, { token }, 'homelab'));
  return { env: { HOME: home, KUBECONFIG: kubeconfig } };
}

/** A repo with a KanidmGroup whose kanidmRef is misspelt. */
function repoWithCustomResource(): string {
  const repo = tempDir('repo');
  mkdirSync(path.join(repo, 'apps'), { recursive: true });
  writeFileSync(path.join(repo, 'apps', 'group.yaml'), 'apiVersion: kaniop.rs/v1beta1\nkind: KanidmGroup\nmetadata:\n  name: dawarich-users\n  namespace: kanidm\nspec:\n  kanidmRefs:\n    name: kanidm\n');
  return repo;
}

describe('hctl schemas pull', () => {
  it('saves each CRD without status, managed fields or webhook CA bundles; check then validates the custom resources offline', async () => {
    const { env } = await cluster();
    const output = path.join(tempDir('schemas'), 'crds');
    const pulled = await runCliAsync(['schemas', 'pull', '-o', output], { env });
    expect(pulled.stderr).toBe('');
    expect(pulled.status).toBe(0);
    expect(pulled.stdout).toContain(`2 CustomResourceDefinitions of 2 API groups from context homelab written to ${output}`);
    const file = path.join(output, 'kaniop.rs', 'kanidmgroups.kaniop.rs.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# kanidmgroups\.kaniop\.rs: pulled by `hctl schemas pull` from context homelab on \d{4}-\d{2}-\d{2}/);
    const saved = parse(text) as Record<string, any>;
    expect(saved).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'kanidmgroups.kaniop.rs' },
      spec: { ...(({ conversion: _conversion, ...spec }) => spec)(kanidmGroup.spec as Record<string, unknown>) },
    });
    expect(text).not.toContain('caBundle');

    const repo = repoWithCustomResource();
    const without = JSON.parse((await runCliAsync(['check', repo, '--format', 'json'], { env })).stdout) as Report;
    expect(without.findings.map((finding) => finding.rule)).toContain('schema-unknown');
    const checked = JSON.parse((await runCliAsync(['check', repo, '--format', 'json', '--schema-dir', output], { env })).stdout) as Report;
    expect(checked.details).toMatchObject({ inventory: { validated: 1, unverified: 0 } });
    const unknownField = checked.findings.find((finding) => finding.rule === 'schema-invalid' && finding.message.includes('kanidmRefs'));
    expect(unknownField).toMatchObject({ location: { file: 'apps/group.yaml', line: 7, column: 3 } });
  });

  it('--group keeps only the groups asked for, and says which the cluster lacks (exit 1)', async () => {
    const { env } = await cluster();
    const output = tempDir('schemas');
    const result = await runCliAsync(['schemas', 'pull', '-o', output, '--group', 'kaniop.rs', '--group', 'litellm.home-operations.com'], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no CustomResourceDefinition of litellm.home-operations.com in the cluster');
    expect(existsSync(path.join(output, 'kaniop.rs', 'kanidmgroups.kaniop.rs.yaml'))).toBe(true);
    expect(existsSync(path.join(output, 'observability.giantswarm.io'))).toBe(false);

    const none = await runCliAsync(['schemas', 'pull', '-o', path.join(output, 'none'), '--group', 'example.invalid'], { env });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('has no CustomResourceDefinition of example.invalid');
    expect(existsSync(path.join(output, 'none'))).toBe(false);
  });

  it('--for DIR pulls only the groups of that repository\'s custom resources without a schema; none missing, no cluster call', async () => {
    const { env } = await cluster();
    const output = tempDir('schemas');
    const repo = repoWithCustomResource();
    const result = await runCliAsync(['schemas', 'pull', '-o', output, '--for', repo], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 CustomResourceDefinitions of 1 API groups');
    expect(existsSync(path.join(output, 'kaniop.rs', 'kanidmgroups.kaniop.rs.yaml'))).toBe(true);
    expect(existsSync(path.join(output, 'observability.giantswarm.io'))).toBe(false);

    // Once the repo's config names the pulled directory, nothing is missing.
    writeFileSync(path.join(repo, '.hctl.yaml'), `schemaDirs:\n  - ${JSON.stringify(path.relative(repo, output))}\n`);
    const requests = server!.requests.length;
    const covered = await runCliAsync(['schemas', 'pull', '-o', output, '--for', repo], { env });
    expect(covered.stdout).toContain('has a schema: nothing to pull');
    expect(covered.status).toBe(0);
    expect(server!.requests.length).toBe(requests);
  });

  it('a user who may not list CRDs gets what to ask for (exit 3) and nothing is written', async () => {
    const { env } = await cluster('viewer-token');
    const output = path.join(tempDir('schemas'), 'crds');
    const result = await runCliAsync(['schemas', 'pull', '-o', output], { env });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('ask for get/list on customresourcedefinitions.apiextensions.k8s.io');
    expect(existsSync(output)).toBe(false);
  });
});
