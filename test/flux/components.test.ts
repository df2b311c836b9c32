import { describe, expect, it } from 'vitest';
import { antonRepo, ks } from '../rules/flux/flux-graph-fixtures.js';
import { graphOfFiles as graphOf } from './graph-of-files.js';

const component = {
  'components/backup/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n  - pvc.yaml\nlabels:\n  - pairs:\n      backup: daily\n',
  'components/backup/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: "${CLAIM:-${APP}}"\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n',
};
const withComponents = (name: string, extra = '') =>
  ks(name, `./apps/media/${name}/app`, `  targetNamespace: media\n  components:\n    - ../../../../components/backup\n${extra}  postBuild:\n    substitute:\n      APP: ${name}\n`);
const applied = (graph: ReturnType<typeof graphOf>, name: string) => graph.nodes.find((node) => node.name === name)!;

describe("Flux Kustomizations' spec.components", () => {
  it('adds each component to the build of a path with a kustomization.yaml, where its transformers reach the whole build', () => {
    const node = applied(graphOf(antonRepo(withComponents('sonarr'), component)), 'sonarr');
    expect(node.problem).toBeUndefined();
    const bodies = node.applies.map((object) => object.body as Record<string, any>);
    expect(bodies.find((body) => body.kind === 'PersistentVolumeClaim')?.metadata).toMatchObject({ name: 'sonarr', namespace: 'media', labels: { backup: 'daily' } });
    expect(bodies.find((body) => body.kind === 'ConfigMap')?.metadata.labels).toEqual({ backup: 'daily' });
  });

  it('adds them to the kustomization Flux generates for a path without one', () => {
    const files = antonRepo(ks('sonarr', './apps/media/sonarr/app'), { ...component, 'apps/media/radarr/ks.yaml': withComponents('radarr') });
    const node = applied(graphOf(files), 'radarr');
    expect(node.applies.map((object) => `${object.body.kind}/${(object.body.metadata as Record<string, unknown>).name}`).sort()).toEqual(['ConfigMap/radarr', 'PersistentVolumeClaim/radarr']);
  });

  it('fails the build on a missing component unless ignoreMissingComponents is set', () => {
    expect(applied(graphOf(antonRepo(withComponents('sonarr'))), 'sonarr').problem?.message).toMatch(/components\/backup does not exist/);
    const ignored = applied(graphOf(antonRepo(withComponents('sonarr', '  ignoreMissingComponents: true\n'))), 'sonarr');
    expect(ignored.problem).toBeUndefined();
    expect(ignored.applies.map((object) => object.body.kind)).toEqual(['ConfigMap']);
  });
});

describe("Flux Kustomizations' spec.images and spec.commonMetadata", () => {
  it('set images after the patches, and labels and annotations on each object itself', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: sonarr\n  labels:\n    team: old\nspec:\n  selector:\n    matchLabels:\n      app: sonarr\n  template:\n    metadata:\n      labels:\n        app: sonarr\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/home-operations/sonarr:latest\n';
    const extra = '  images:\n    - name: ghcr.io/home-operations/sonarr\n      newTag: 4.0.15\n  commonMetadata:\n    labels:\n      team: media\n    annotations:\n      owner: ops\n';
    const files = antonRepo(ks('sonarr', './apps/media/sonarr/app', extra), { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - deploy.yaml\n', 'apps/media/sonarr/app/deploy.yaml': deployment });
    const body = applied(graphOf(files), 'sonarr').applies[0]!.body as Record<string, any>;
    expect(body.spec.template.spec.containers[0].image).toBe('ghcr.io/home-operations/sonarr:4.0.15');
    expect(body.metadata).toMatchObject({ labels: { team: 'media' }, annotations: { owner: 'ops' } });
    expect(body.spec.template.metadata.labels).toEqual({ app: 'sonarr' });
  });
});
