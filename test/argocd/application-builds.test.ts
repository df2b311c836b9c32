import { describe, expect, it } from 'vitest';
import { argoApplicationBuilds } from '../../src/argocd/application-builds.js';
import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { loadRepo } from '../../src/repo/load.js';
import { repoDir } from '../temp-dir.js';

const app = (source: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: web\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/homelab\n    targetRevision: main\n    path: apps/web\n${source}  destination:\n    server: https://kubernetes.default.svc\n    namespace: web\n`;
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n        - name: exporter\n          image: registry.local:5000/exporter:1.0\n';

/** What the Applications of a repository made of `files` deploy: kind/namespace/name and the objects. */
function builds(files: Record<string, string>) {
  const root = repoDir('argo-builds', files);
  const { objects } = loadRepo(root);
  return argoApplicationBuilds(objects, { root, urls: new Set() }, fluxGraphOf(root, objects).kustomizer);
}

describe('argoApplicationBuilds', () => {
  it('builds a kustomize source with the Application\'s own edits: namespace, annotations, labels, images, patches', () => {
    const [build] = builds({
      'argocd/web.yaml': app(
        [
          '    kustomize:',
          '      namespace: shop',
          '      commonAnnotations: {argocd.argoproj.io/sync-options: ServerSideApply=true}',
          '      commonLabels: {team: a}',
          '      images: ["nginx:1.28", "registry.local:5000/exporter=ghcr.io/x/exporter@sha256:abc"]',
          '      patches:',
          '        - target: {kind: Deployment}',
          '          patch: |-',
          '            - op: add',
          '              path: /spec/replicas',
          '              value: 2',
          '',
        ].join('\n'),
      ),
      'apps/web/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'apps/web/deployment.yaml': deployment,
    });
    const body = build!.objects[0]!.body as Record<string, any>;
    expect(build!.objects[0]!.namespace).toBe('shop');
    expect(body.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'ServerSideApply=true' });
    expect(body.spec.selector.matchLabels).toEqual({ app: 'web', team: 'a' });
    expect(body.spec.replicas).toBe(2);
    expect(body.spec.template.spec.containers.map((container: { image: string }) => container.image)).toEqual(['nginx:1.28', 'ghcr.io/x/exporter@sha256:abc']);
  });

  it('leaves the shared build untouched for the next reader', () => {
    const files = {
      'argocd/web.yaml': app('    kustomize:\n      namespace: shop\n'),
      'argocd/plain.yaml': app('').replace('name: web\n  namespace: argocd', 'name: plain\n  namespace: argocd'),
      'apps/web/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'apps/web/deployment.yaml': deployment,
    };
    expect(builds(files).map((build) => `${build.app.object.name} ${build.objects[0]!.namespace ?? '-'}`).sort()).toEqual(['plain -', 'web shop']);
  });

  it('reads a directory source as Argo CD does: top level, recurse, include and exclude', () => {
    const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
    const tree = { 'apps/web/a.yaml': cm('a'), 'apps/web/b.yml': cm('b'), 'apps/web/sub/c.yaml': cm('c') };
    const names = (source: string) => builds({ 'argocd/web.yaml': app(source), ...tree })[0]!.objects.map((object) => object.name).sort();
    expect(names('')).toEqual(['a', 'b']);
    expect(names('    directory:\n      recurse: true\n')).toEqual(['a', 'b', 'c']);
    expect(names("    directory:\n      recurse: true\n      include: '*.yaml'\n")).toEqual(['a', 'c']);
    expect(names("    directory:\n      recurse: true\n      exclude: 'sub/*'\n")).toEqual(['a', 'b']);
  });

  it('leaves out Helm sources and other repositories', () => {
    const chart = app('    chart: web\n').replace('    path: apps/web\n', '');
    expect(builds({ 'argocd/web.yaml': chart, 'apps/web/Chart.yaml': 'name: web\n' })).toEqual([]);
    expect(builds({ 'argocd/web.yaml': app(''), 'apps/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n', 'apps/web/templates/cm.yaml': 'kind: ConfigMap\n' })).toEqual([]);
  });
});
