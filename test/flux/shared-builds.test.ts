import { describe, expect, it } from 'vitest';
import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { loadRepo } from '../../src/repo/load.js';
import { ks } from '../rules/flux/flux-graph-fixtures.js';
import { repoDir } from '../temp-dir.js';

const extra = (namespace: string, value: string, patch = '') =>
  `  targetNamespace: ${namespace}\n  postBuild:\n    substitute:\n      X: "${value}"\n${patch}`;
const labelPatch = '  patches:\n    - target:\n        kind: ConfigMap\n      patch: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata:\n          name: any\n          labels:\n            team: a\n';

describe('Flux Kustomizations that build the same path', () => {
  it('each get their own namespace, substitutions and patches, and the files as parsed stay untouched', () => {
    const files: Record<string, string> = {
      'flux/cluster.yaml': ks('cluster-apps', './apps'),
      'apps/kustomization.yaml': 'resources:\n  - a.yaml\n  - b.yaml\n',
      'apps/a.yaml': ks('a', './shared/app', extra('ns-a', '1', labelPatch)),
      'apps/b.yaml': ks('b', './shared/app', extra('ns-b', '2')),
      'shared/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - binding.yaml\n',
      'shared/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  x: ${X}\n  nested:\n    - ${X}\n',
      'shared/app/binding.yaml':
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: app\nsubjects:\n  - kind: ServiceAccount\n    name: app\n',
    };
    const root = repoDir('shared-builds', files);
    const repo = loadRepo(root);
    const graph = fluxGraphOf(root, repo.objects, repo.paths);
    const applied = (name: string, kind: string) => graph.nodes.find((node) => node.name === name)!.applies.find((object) => object.body.kind === kind)!.body as Record<string, any>;
    expect(applied('a', 'ConfigMap')).toMatchObject({ metadata: { name: 'app', namespace: 'ns-a', labels: { team: 'a' } }, data: { x: '1', nested: ['1'] } });
    expect(applied('b', 'ConfigMap')).toMatchObject({ metadata: { name: 'app', namespace: 'ns-b' }, data: { x: '2', nested: ['2'] } });
    expect(applied('b', 'ConfigMap').metadata.labels).toBeUndefined();
    expect(applied('a', 'RoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'app', namespace: 'ns-a' }]);
    expect(applied('b', 'RoleBinding').subjects).toEqual([{ kind: 'ServiceAccount', name: 'app', namespace: 'ns-b' }]);
    const parsed = (file: string) => repo.objects.find((object) => object.source?.file === file)!.body;
    expect(parsed('shared/app/cm.yaml')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { x: '${X}', nested: ['${X}'] } });
    expect((parsed('shared/app/binding.yaml') as Record<string, any>).subjects).toEqual([{ kind: 'ServiceAccount', name: 'app' }]);
  });
});
