import { describe, expect, it } from 'vitest';
import { Kustomizer, RenderError } from '../../src/render/kustomize.js';
import { SchemaBundle } from '../../src/schema/bundle.js';
import { renderDirectory } from '../../src/render/render.js';
import { repoDir } from '../temp-dir.js';

function repo(files: Record<string, string>): string {
  const root = repoDir('render', files);
  return root;
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: web-config
        - name: sidecar
          image: busybox:1.36
`;

function build(files: Record<string, string>, dir = 'app') {
  const outcome = renderDirectory(repo(files), dir, { fallback: false });
  if (outcome.error) throw outcome.error;
  return outcome.objects.map((object) => object.body as Record<string, any>);
}

describe('hctl render (kustomize in TypeScript)', () => {
  it('reads yes, off and the other YAML-1.1-only booleans as strings, as kustomize does; true and numbers stay', () => {
    const [configMap] = build({
      'app/kustomization.yaml': 'resources:\n  - configmap.yaml\npatches:\n  - patch: |\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: flags\n      data:\n        patched: on\n',
      'app/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  debug: off\n  list: [y, N, true]\n  umask: 0022\n',
    });
    expect(configMap!.data).toEqual({ debug: 'off', list: ['y', 'N', true], umask: 18, patched: 'on' });
  });

  it('sets the namespace on namespaced kinds only, and renames a Namespace in the build', () => {
    const objects = build({
      'app/kustomization.yaml': 'namespace: media\nresources:\n  - ns.yaml\n  - deployment.yaml\n  - role.yaml\n',
      'app/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: _\n',
      'app/deployment.yaml': deployment,
      'app/role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\n',
    });
    expect(objects.map((object) => `${object.kind} ${object.metadata.namespace ?? '-'}/${object.metadata.name}`)).toEqual(['Namespace -/media', 'Deployment media/web', 'ClusterRole -/reader']);
  });

  it('hashes generated names exactly as kustomize does and updates the references to them', () => {
    const objects = build({
      'app/kustomization.yaml': 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: web-config\n    literals: [k=v]\nsecretGenerator:\n  - name: sec\n    literals: [p=s]\n',
      'app/deployment.yaml': deployment,
    });
    // Names from kubectl kustomize (v5.5) for the same input.
    expect(objects.map((object) => object.metadata.name)).toEqual(['web', 'web-config-bdg947hgcc', 'sec-7kh9gkfm48']);
    expect(objects[0]!.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toBe('web-config-bdg947hgcc');
  });

  it('makes references follow a namePrefix or nameSuffix, generated names with their hash too', () => {
    const objects = build({
      'app/kustomization.yaml': 'namePrefix: p-\nnameSuffix: -s\nresources: [cm.yaml, deployment.yaml]\nconfigMapGenerator:\n  - name: web-config\n    literals: [a=b]\n',
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: b\n',
      'app/deployment.yaml': deployment.replace('        - name: sidecar', '          volumeMounts: [{name: v, mountPath: /v}]\n      volumes:\n        - name: v\n          configMap: {name: plain}\n        - name: sidecar-unused\n          emptyDir: {}\n      initContainers:\n        - name: sidecar'),
    });
    // Names from kubectl kustomize (v5.5) for the same input.
    expect(objects.map((object) => object.metadata.name)).toEqual(['p-plain-s', 'p-web-s', 'p-web-config-s-4h2mbtbbt6']);
    const spec = objects[1]!.spec.template.spec;
    expect(spec.containers[0].envFrom[0].configMapRef.name).toBe('p-web-config-s-4h2mbtbbt6');
    expect(spec.volumes[0].configMap.name).toBe('p-plain-s');
  });

  it("makes kustomize's own references outside pod specs follow a namePrefix too (bindings, Ingress, HPA, StatefulSet, claims)", () => {
    const objects = build({
      'app/kustomization.yaml': 'namePrefix: p-\nresources: [all.yaml]\n',
      'app/all.yaml': [
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: web}',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: reader}\nrules: []',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: web}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\nsubjects: [{kind: ServiceAccount, name: sa, namespace: web}]',
        'apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: web}\nspec: {ports: [{port: 80}]}',
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db, namespace: web}\nspec:\n  serviceName: svc\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      serviceAccountName: sa\n      containers: [{name: c, image: x:1}]\n      volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]',
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data, namespace: web}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: hpa, namespace: web}\nspec: {scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}, maxReplicas: 3}',
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing, namespace: web}\nspec:\n  tls: [{secretName: tls, hosts: [a.b]}]\n  rules: [{host: a.b, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: svc, port: {number: 80}}}}]}}]',
        'apiVersion: v1\nkind: Secret\nmetadata: {name: tls, namespace: web}\ntype: Opaque',
      ].join('\n---\n'),
    });
    // As kubectl kustomize (v5.5) renders the same input.
    const byKind = Object.fromEntries(objects.map((object) => [object.kind, object]));
    expect(byKind.RoleBinding!.roleRef.name).toBe('p-reader');
    expect(byKind.RoleBinding!.subjects[0].name).toBe('p-sa');
    expect(byKind.StatefulSet!.spec.serviceName).toBe('p-svc');
    expect(byKind.StatefulSet!.spec.template.spec.serviceAccountName).toBe('p-sa');
    expect(byKind.StatefulSet!.spec.template.spec.volumes[0].persistentVolumeClaim.claimName).toBe('p-data');
    expect(byKind.HorizontalPodAutoscaler!.spec.scaleTargetRef.name).toBe('p-db');
    expect(byKind.Ingress!.spec.tls[0].secretName).toBe('p-tls');
    expect(byKind.Ingress!.spec.rules[0].http.paths[0].backend.service.name).toBe('p-svc');
  });

  it('extends only the NetworkPolicy selectors that have matchLabels with commonLabels: podSelector {} keeps selecting every pod', () => {
    const [policy] = build({
      'app/kustomization.yaml': 'commonLabels:\n  team: a\nresources: [np.yaml]\n',
      'app/np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {}\n        - podSelector:\n            matchLabels: {app: x}\n  egress:\n    - to:\n        - podSelector:\n            matchLabels: {app: z}\n',
    });
    // As kubectl kustomize (v5.5) renders it.
    expect(policy!.spec.podSelector).toEqual({});
    expect(policy!.spec.ingress[0].from).toEqual([{ podSelector: {} }, { podSelector: { matchLabels: { app: 'x', team: 'a' } } }]);
    expect(policy!.spec.egress[0].to).toEqual([{ podSelector: { matchLabels: { app: 'z', team: 'a' } } }]);
  });

  it("puts commonAnnotations on a CronJob's job template and its pod template, as kubectl kustomize does", () => {
    const [cronJob] = build({
      'app/kustomization.yaml': 'commonAnnotations:\n  a: b\nresources: [cj.yaml]\n',
      'app/cj.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: x:1}]\n',
    });
    expect(cronJob!.spec.jobTemplate.metadata).toEqual({ annotations: { a: 'b' } });
    expect(cronJob!.spec.jobTemplate.spec.template.metadata).toEqual({ annotations: { a: 'b' } });
  });

  it('honours generatorOptions.disableNameSuffixHash and reads files and env files', () => {
    const [config] = build({
      'app/kustomization.yaml': 'generatorOptions:\n  disableNameSuffixHash: true\nconfigMapGenerator:\n  - name: c\n    files: [conf.ini, renamed.txt=other.txt]\n    envs: [vars.env]\n',
      'app/conf.ini': '[a]\nb=1\n',
      'app/other.txt': 'x',
      'app/vars.env': '# comment\nA=1\nB="two"\n',
    });
    expect(config).toMatchObject({ metadata: { name: 'c' }, data: { 'conf.ini': '[a]\nb=1\n', 'renamed.txt': 'x', A: '1', B: 'two' } });
  });

  it('applies strategic merge patches with merge keys, and JSON 6902 patches to their targets', () => {
    const [web] = build({
      'app/kustomization.yaml': [
        'resources: [../base]',
        'patches:',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata:',
        '        name: web',
        '      spec:',
        '        template:',
        '          spec:',
        '            containers:',
        '              - name: web',
        '                image: nginx:1.28',
        '  - target:',
        '      kind: Deployment',
        '      name: w.*',
        '    patch: |-',
        '      - op: add',
        '        path: /spec/replicas',
        '        value: 3',
        '',
      ].join('\n'),
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment,
    });
    expect(web!.spec.replicas).toBe(3);
    expect(web!.spec.template.spec.containers.map((container: { name: string; image: string }) => `${container.name}=${container.image}`)).toEqual(['web=nginx:1.28', 'sidecar=busybox:1.36']);
  });

  it('applies components, labels with and without selectors, annotations, images and replicas', () => {
    const [web] = build({
      'app/kustomization.yaml': [
        'resources: [deployment.yaml]',
        'components: [../component]',
        'commonLabels:',
        '  team: home',
        'labels:',
        '  - pairs:',
        '      tier: frontend',
        'commonAnnotations:',
        '  owner: me',
        'images:',
        '  - name: nginx',
        '    newTag: "1.29"',
        'replicas:',
        '  - name: web',
        '    count: 2',
        '',
      ].join('\n'),
      'app/deployment.yaml': deployment,
      'component/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  component: applied\n',
    });
    expect(web!.metadata).toMatchObject({ labels: { team: 'home', tier: 'frontend' }, annotations: { owner: 'me', component: 'applied' } });
    expect(web!.spec.selector.matchLabels).toEqual({ app: 'web', team: 'home' });
    expect(web!.spec.template.metadata.labels).toEqual({ app: 'web', team: 'home' });
    expect(web!.spec.template.spec.containers[0].image).toBe('nginx:1.29');
    expect(web!.spec.replicas).toBe(2);
  });

  it('follows configurations: nameReference field specs, so a HelmRelease\'s valuesFrom gets the hashed ConfigMap name', () => {
    const helmRelease = (name: string, kind = 'HelmRelease') =>
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n  valuesFrom:\n    - kind: ConfigMap\n      name: app-values\n    - kind: ConfigMap\n      name: unrelated\n`;
    const objects = build({
      'app/kustomization.yaml': 'resources: [release.yaml, other.yaml]\nconfigMapGenerator:\n  - name: app-values\n    files: [values.yaml=values.yaml]\nconfigurations: [kustomizeconfig.yaml]\n',
      'app/values.yaml': 'replicas: 2\n',
      'app/release.yaml': helmRelease('app'),
      'app/other.yaml': helmRelease('not-a-release', 'HelmChart'),
      'app/kustomizeconfig.yaml': 'nameReference:\n  - kind: ConfigMap\n    version: v1\n    fieldSpecs:\n      - path: spec/valuesFrom/name\n        kind: HelmRelease\n',
    });
    const configMap = objects.find((object) => object.kind === 'ConfigMap')!;
    expect(configMap.metadata.name).toMatch(/^app-values-[a-z0-9]{10}$/);
    expect(objects.find((object) => object.kind === 'HelmRelease')!.spec.valuesFrom.map((entry: { name: string }) => entry.name)).toEqual([configMap.metadata.name, 'unrelated']);
    expect(objects.find((object) => object.kind === 'HelmChart')!.spec.valuesFrom[0].name).toBe('app-values');
  });

  it('reports configurations it does not apply (anything but nameReference) as not rendered', () => {
    const outcome = renderDirectory(
      repo({ 'app/kustomization.yaml': 'configurations: [config.yaml]\n', 'app/config.yaml': 'images:\n  - path: spec/image\n    kind: Thing\n' }),
      'app',
      { fallback: false },
    );
    expect(outcome.error).toMatchObject({ unsupported: true, message: 'configurations: images in app/config.yaml is not rendered by hctl', path: ['configurations', 0] });
  });

  it('applies JSON patches as kustomize does: replace adds a missing key whose map exists; remove of a missing key and any operation under a missing map fail', () => {
    const files = (operation: string) => ({
      'app/kustomization.yaml': `resources:\n  - cm.yaml\npatches:\n  - patch: |\n      - ${operation}\n    target:\n      kind: ConfigMap\n`,
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n',
    });
    expect(build(files('{op: replace, path: /data/level, value: debug}'))[0]!.data).toEqual({ x: '1', level: 'debug' });
    expect(() => build(files('{op: remove, path: /data/level}'))).toThrow('JSON patch on kind=ConfigMap failed: remove /data/level: the object has no such key');
    expect(() => build(files('{op: replace, path: /spec/nothing/here, value: 1}'))).toThrow('JSON patch on kind=ConfigMap failed: replace /spec/nothing/here: the object has no such path');
  });

  it('gives each use of a repeated JSON patch its own values: changing one patched object leaves the next untouched', () => {
    const root = repo({ 'a/kustomization.yaml': 'resources: [cm.yaml]\n', 'a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    const bundle = new SchemaBundle();
    const kustomizer = new Kustomizer(root, bundle, { bundle });
    const patches = [{ patch: '- op: add\n  path: /data\n  value:\n    nested: [x]\n', target: { kind: 'ConfigMap' } }];
    const first = kustomizer.patchAll(kustomizer.build('a').objects, patches, false);
    (first[0]!.body.data as { nested: string[] }).nested.push('changed by a later transform');
    const second = kustomizer.patchAll(kustomizer.build('a').objects, patches, false);
    expect(second[0]!.body.data).toEqual({ nested: ['x'] });
  });

  it('a strategic-merge patch file two overlays share keeps its own values when one overlay retags the container it added', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: exporter\n          image: exporter:1.0\n';
    const root = repo({
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment,
      'patches/exporter.yaml': patch,
      'retagged/kustomization.yaml': 'resources: [../base]\npatchesStrategicMerge: [../patches/exporter.yaml]\nimages:\n  - name: exporter\n    newTag: "2.0"\n',
      'plain/kustomization.yaml': 'resources: [../base]\npatchesStrategicMerge: [../patches/exporter.yaml]\n',
    });
    const bundle = new SchemaBundle();
    const kustomizer = new Kustomizer(root, bundle, { bundle });
    const exporterImage = (dir: string) =>
      // A patch file outside the overlay: as Flux builds (no load restrictor).
      (kustomizer.build(dir, 'copies', [], 'none').objects[0]!.body as Record<string, any>).spec.template.spec.containers.find((container: { name: string }) => container.name === 'exporter').image;
    expect(exporterImage('retagged')).toBe('exporter:2.0');
    expect(exporterImage('plain')).toBe('exporter:1.0');
  });

  it('never changes the parsed files it builds from: an overlay\'s namespace, labels and hashed names stay in the overlay', () => {
    const root = repo({
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment,
      'overlay/kustomization.yaml': 'resources: [../base]\nnamespace: prod\ncommonLabels:\n  tier: web\nconfigMapGenerator:\n  - name: web-config\n    literals: [k=v]\n',
      'plain/kustomization.yaml': 'resources: [../base]\n',
      'hashed/kustomization.yaml': 'resources: [../base]\nconfigMapGenerator:\n  - name: web-config\n    literals: [k=w]\n',
    });
    const bundle = new SchemaBundle();
    const kustomizer = new Kustomizer(root, bundle, { bundle });
    const overlay = kustomizer.build('overlay').objects.find((object) => object.body.kind === 'Deployment')!.body as Record<string, any>;
    expect(overlay.metadata).toMatchObject({ namespace: 'prod', labels: { tier: 'web' } });
    expect(overlay.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toMatch(/^web-config-/);
    const hashed = kustomizer.build('hashed').objects.find((object) => object.body.kind === 'Deployment')!.body as Record<string, any>;
    expect(hashed.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toMatch(/^web-config-/);
    for (const dir of ['base', 'plain']) {
      const built = kustomizer.build(dir, 'shared').objects[0]!.body as Record<string, any>;
      expect(built.metadata).toEqual({ name: 'web' });
      expect(built.spec.template.spec.containers[0].envFrom[0].configMapRef.name).toBe('web-config');
    }
    expect(kustomizer.manifests('base/deployment.yaml', 'shared')[0]!.body.metadata).toEqual({ name: 'web' });
  });

  it('with omitUnrendered, builds the rest of a kustomization with Helm charts and remote resources, and lists what it left out', () => {
    const root = repo({
      'app/kustomization.yaml': [
        'namespace: media',
        'resources:',
        '  - cm.yaml',
        '  - https://raw.githubusercontent.com/x/y/v1/crds.yaml',
        'helmCharts:',
        '  - name: demo',
        '    repo: https://example.com/charts',
        '    version: 1.2.3',
        // Aimed at the chart's objects: it finds nothing here, which a partial build tolerates.
        'patches:',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata:',
        '        name: demo',
        '      spec:',
        '        replicas: 2',
        'configMapGenerator:',
        '  - name: demo-config',
        '    behavior: merge',
        '    literals: [a=b]',
        '',
      ].join('\n'),
      'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: own\n',
    });
    const bundle = new SchemaBundle();
    const kustomizer = new Kustomizer(root, bundle, { bundle }, { omitUnrendered: true });
    const built = kustomizer.build('app');
    expect(built.objects.map((object) => object.body.metadata)).toEqual([{ name: 'own', namespace: 'media' }]);
    expect(built.omitted).toEqual([
      { file: 'app/kustomization.yaml', path: ['helmCharts', 0], what: 'Helm chart demo 1.2.3 from https://example.com/charts' },
      { file: 'app/kustomization.yaml', path: ['resources', 1], what: 'remote resource https://raw.githubusercontent.com/x/y/v1/crds.yaml' },
    ]);
    // Without omissions the same patch is an error, as in kustomize.
    const whole = repo({ 'app/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n  - patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: demo\n', 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: own\n' });
    expect(() => new Kustomizer(whole, bundle, { bundle }, { omitUnrendered: true }).build('app')).toThrow(/matches nothing/);
  });

  it('a generator merging into a resource\'s ConfigMap changes the build, not the parsed file', () => {
    const root = repo({
      'cms/kustomization.yaml': 'resources: [cm.yaml]\n',
      'cms/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  a: "1"\n',
      'merged/kustomization.yaml': 'resources: [../cms]\nconfigMapGenerator:\n  - name: app\n    behavior: merge\n    literals: [b=2]\n',
    });
    const bundle = new SchemaBundle();
    const kustomizer = new Kustomizer(root, bundle, { bundle });
    expect(kustomizer.build('merged').objects[0]!.body.data).toEqual({ a: '1', b: '2' });
    expect(kustomizer.build('cms', 'shared').objects[0]!.body.data).toEqual({ a: '1' });
  });

  it('refuses a kustomization kustomize cannot decode (a misspelt field, a string for a list), even in a base, as kubectl kustomize does', () => {
    const cases: [Record<string, string>, string, (string | number)[]][] = [
      [{ 'app/kustomization.yaml': 'resourcse: [deployment.yaml]\n' }, 'invalid Kustomization: unknown field resourcse', ['resourcse']],
      [{ 'app/kustomization.yaml': 'resources: deployment.yaml\n' }, 'invalid Kustomization: resources must be array, not string', ['resources']],
      [
        { 'app/kustomization.yaml': 'resources: [../base]\n', 'base/kustomization.yaml': 'resources: [../app/deployment.yaml]\nnamespace: [a]\n' },
        'invalid Kustomization: namespace must be string, not array',
        ['namespace'],
      ],
    ];
    for (const [files, message, where] of cases) {
      const outcome = renderDirectory(repo({ ...files, 'app/deployment.yaml': deployment }), 'app', { fallback: false });
      expect(outcome).toMatchObject({ objects: [], error: { message, path: where } });
    }
  });

  it('keeps the source file of every rendered object', () => {
    const outcome = renderDirectory(repo({ 'app/kustomization.yaml': 'resources: [deployment.yaml]\nnamespace: x\n', 'app/deployment.yaml': deployment }), 'app', { fallback: false });
    expect(outcome.objects[0]!.source?.file).toBe('app/deployment.yaml');
    expect(outcome.objects[0]!.source?.locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toMatchObject({ line: 16 });
  });

  it('reports what it cannot build: unsupported features, missing files, patches that match nothing', () => {
    const error = (files: Record<string, string>) => renderDirectory(repo(files), 'app', { fallback: false }).error;
    expect(error({ 'app/kustomization.yaml': 'helmCharts:\n  - name: x\n' })).toMatchObject({ unsupported: true, message: 'helmCharts is not rendered by hctl' });
    expect(error({ 'app/kustomization.yaml': 'resources: [https://github.com/x/y//base?ref=v1]\n' })).toMatchObject({ unsupported: true });
    expect(error({ 'app/kustomization.yaml': 'resources: [missing.yaml]\n' })).toMatchObject({ unsupported: false, message: 'missing.yaml does not exist (from app)' });
    expect(error({ 'app/kustomization.yaml': 'patches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata:\n        name: ghost\n' })).toBeInstanceOf(RenderError);
    expect(error({ 'app/kustomization.yaml': 'resources: [../app]\n' })?.message).toMatch(/cycle/);
  });

  it('refuses an object twice, and a namespace that makes two objects one, as kustomize does', () => {
    const error = (files: Record<string, string>) => renderDirectory(repo(files), 'app', { fallback: false }).error;
    const twoNamespaces = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: b\n';
    expect(error({ 'app/kustomization.yaml': 'resources: [cm.yaml]\n', 'app/cm.yaml': twoNamespaces })).toBeUndefined();
    expect(error({ 'app/kustomization.yaml': 'resources: [cm.yaml, again.yaml]\n', 'app/cm.yaml': twoNamespaces, 'app/again.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: a\n' })).toMatchObject({
      path: ['resources', 1],
      message: 'again.yaml adds ConfigMap a/c, which the build already has: kustomize refuses an object twice ("may not add resource with an already registered id")',
    });
    expect(error({ 'app/kustomization.yaml': 'secretGenerator:\n  - name: s\n    literals: [a=b]\n  - name: s\n    literals: [c=d]\n' })).toMatchObject({
      path: ['secretGenerator', 1],
      message: 'secretGenerator s: the build already has this Secret; kustomize creates it once (behavior: merge or replace changes the existing one)',
    });
    expect(error({ 'app/kustomization.yaml': 'namespace: z\nresources: [cm.yaml]\n', 'app/cm.yaml': twoNamespaces })).toMatchObject({
      path: ['namespace'],
      message: 'namespace z makes two objects one: ConfigMap z/c ("namespace transformation produces ID conflict")',
    });
  });

  it('loads files as kustomize does by default: in or below the kustomization (bases anywhere), never an absolute path or outside the checked directory', () => {
    const files = { 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n', 'base/kustomization.yaml': 'resources: [cm.yaml]\n', 'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' };
    const error = (kustomization: string) => renderDirectory(repo({ ...files, 'app/kustomization.yaml': kustomization }), 'app', { fallback: false }).error?.message;
    expect(error('resources: [../base]\n')).toBeUndefined();
    expect(error('resources: [../base/]\n')).toBeUndefined(); // a directory written with its slash: cm.yaml is below it
    expect(error('resources: [../ns.yaml]\n')).toBe("../ns.yaml is not in or below app, and kustomize's default load restrictor refuses files outside the kustomization's directory (Flux builds allow them)");
    expect(error('resources: [../base]\npatches:\n  - path: ../ns.yaml\n')).toMatch(/^\.\.\/ns\.yaml is not in or below app/);
    expect(error('configMapGenerator:\n  - name: x\n    files: [../ns.yaml]\n')).toMatch(/^\.\.\/ns\.yaml is not in or below app/);
    expect(error('resources: [/etc/hostname]\n')).toBe("/etc/hostname is an absolute path: kustomize reads entries relative to the kustomization's directory");
    expect(error('configMapGenerator:\n  - name: x\n    files: [../../../../../../etc/hostname]\n')).toBe("../../../../../../etc/hostname is outside the checked directory (from app): check the repository's root to build it");
  });

  it('loads files from anywhere in the source for a Flux build (kustomize-controller has no load restrictor)', () => {
    const root = repo({ 'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n', 'app/kustomization.yaml': 'resources: [../ns.yaml]\nconfigMapGenerator:\n  - name: x\n    files: [../ns.yaml]\n' });
    const bundle = new SchemaBundle();
    const built = new Kustomizer(root, bundle, { bundle }).build('app', 'copies', [], 'none');
    expect(built.objects.map((object) => object.body.kind)).toEqual(['Namespace', 'ConfigMap']);
  });
});
