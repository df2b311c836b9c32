import { describe, expect, it } from 'vitest';
import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { appliedObjects } from '../../src/flux/applied-objects.js';
import { buildStandalone } from '../../src/render/standalone-builds.js';
import { loadRepo } from '../../src/repo/load.js';
import { repoDir } from '../temp-dir.js';

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;

/** What reaches the cluster from a repository without Flux made of `files`. */
function applied(files: Record<string, string>) {
  const root = repoDir('applied', files);
  const { objects } = loadRepo(root);
  const graph = fluxGraphOf(root, objects);
  return appliedObjects(graph, objects, () => buildStandalone(graph.kustomizer, objects)).map((object) => `${object.kind} ${object.namespace ?? '-'}/${object.name} ${object.source?.file}`);
}

describe('appliedObjects without Flux', () => {
  // The generated name is kubectl kustomize's (v5.5) for the same kustomization.
  it('takes what the kustomizations build, and the documents no build includes as written', () => {
    expect(
      applied({
        'apps/media/kustomization.yaml': 'namespace: media\nnamePrefix: home-\nresources:\n  - cm.yaml\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n',
        'apps/media/cm.yaml': configMap('sonarr'),
        'loose/cm.yaml': configMap('loose'),
      }).sort(),
    ).toEqual(['ConfigMap -/loose loose/cm.yaml', 'ConfigMap media/home-settings-4h2mbtbbt6 apps/media/kustomization.yaml', 'ConfigMap media/home-sonarr apps/media/cm.yaml']);
  });
  it('builds the rest of a kustomization whose Helm chart it cannot render: its resources take the namespace', () => {
    expect(applied({ 'apps/kustomization.yaml': 'namespace: media\nhelmCharts:\n  - name: demo\n    repo: https://example.com/charts\nresources:\n  - cm.yaml\n', 'apps/cm.yaml': configMap('sonarr') })).toEqual(['ConfigMap media/sonarr apps/cm.yaml']);
  });
  it('keeps the documents of a build hctl cannot make (replacements) as written', () => {
    expect(applied({ 'apps/kustomization.yaml': 'namespace: media\nreplacements:\n  - path: r.yaml\nresources:\n  - cm.yaml\n', 'apps/cm.yaml': configMap('sonarr') })).toEqual(['ConfigMap -/sonarr apps/cm.yaml']);
  });
});
