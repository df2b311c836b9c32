import { describe, expect, it } from 'vitest';
import { fastPathValues, parseFile } from '../../src/repo/parse.js';

describe('parseFile', () => {
  it('reads values as Kubernetes does: YAML 1.1 booleans and octals, but dates stay strings', () => {
    const [object] = parseFile('a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: on\n  b: 0755\n  c: 2024-01-01\n  d: 1:20\n').objects;
    expect(object!.body.data).toEqual({ a: true, b: 493, c: '2024-01-01', d: '1:20' });
  });

  it('locates keys and values lazily, 1-based, through lists', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n';
    const [object] = parseFile('d.yaml', text).objects;
    const locate = object!.source!.locate;
    expect(locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({ file: 'd.yaml', line: 10, column: 18 });
    expect(locate(['spec', 'template', 'spec', 'containers', 0, 'image'], { key: true })).toEqual({ file: 'd.yaml', line: 10, column: 11 });
    expect(locate(['spec', 'missing', 'deeper'])).toEqual({ file: 'd.yaml', line: 6, column: 3 });
    expect(locate([])).toEqual({ file: 'd.yaml', line: 1, column: 1 });
  });

  it('follows a path into a literal block string (Argo CD `values: |`), and stops at any other string', () => {
    const app = (header: string) =>
      `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: demo\nspec:\n  source:\n    helm:\n      values: ${header}\n        image:\n          repository: ghcr.io/example/demo\n          tag: latest\n`;
    const path = ['spec', 'source', 'helm', 'values', 'image', 'tag'];
    for (const header of ['|', '|-']) {
      const locate = parseFile('a.yaml', app(header)).objects[0]!.source!.locate;
      expect(locate(path)).toEqual({ file: 'a.yaml', line: 11, column: 16 });
      expect(locate(path, { key: true })).toEqual({ file: 'a.yaml', line: 11, column: 11 });
      expect(locate(['spec', 'source', 'helm', 'values', 'missing'])).toEqual({ file: 'a.yaml', line: 9, column: 9 });
    }
    // Folded lines do not map one to one onto the text: the string itself is where hctl points.
    expect(parseFile('a.yaml', app('>')).objects[0]!.source!.locate(path)).toEqual({ file: 'a.yaml', line: 8, column: 15 });
  });

  it('counts empty documents and non-Kubernetes documents without making objects of them', () => {
    const parsed = parseFile('m.yaml', '---\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\nreplicaCount: 2\n---\n');
    expect(parsed.objects.map((object) => object.name)).toEqual(['a']);
    expect(parsed.emptyDocuments).toBeGreaterThanOrEqual(1);
    expect(parsed.otherDocuments).toBe(1);
  });

  it('gives a kind-less kustomization.yaml its implied identity', () => {
    const [object] = parseFile('apps/kustomization.yaml', 'resources:\n  - a.yaml\n').objects;
    expect(object).toMatchObject({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' });
    expect(parseFile('apps/values.yaml', 'resources:\n  - a.yaml\n').objects).toEqual([]);
  });

  it('expands a List into its items, located inside the list', () => {
    const parsed = parseFile('l.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: one\n');
    expect(parsed.objects.map((object) => object.kind)).toEqual(['ConfigMap']);
    expect(parsed.objects[0]!.source!.locate(['metadata', 'name'])).toMatchObject({ line: 7, column: 13 });
  });

  it('marks SOPS-encrypted documents', () => {
    const [object] = parseFile('s.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nsops:\n  mac: ENC[x]\n  version: 3.9.1\n').objects;
    expect(object!.sopsEncrypted).toBe(true);
  });

  it('stops an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...['b', 'c', 'd', 'e'].map((key, i) => `${key}: &${key} [${Array(10).fill(`*${'abcd'[i]}`).join(',')}]`)].join('\n');
    const parsed = parseFile('bomb.yaml', `${bomb}\n`);
    expect(parsed.objects).toEqual([]);
    expect(parsed.problems).toMatchObject([{ kind: 'alias-limit', line: 1 }]);
  });

  it('refuses a value that contains itself (an alias inside its own anchor), as Kubernetes does', () => {
    const parsed = parseFile('loop.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\ndata: &d\n  x: *d\n');
    expect(parsed.objects).toEqual([]);
    expect(parsed.problems).toMatchObject([{ kind: 'syntax', line: 1, message: expect.stringContaining('anchor value contains itself') }]);
  });

  it('reports an alias without its anchor at the alias, as a syntax problem', () => {
    const parsed = parseFile('route.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\ndata:\n  a: *x\n');
    expect(parsed.objects).toEqual([]);
    expect(parsed.problems).toEqual([{ kind: 'syntax', line: 6, column: 6, message: 'alias *x names no anchor set before it (Kubernetes reads it as "unknown anchor \'x\' referenced")' }]);
  });

  it('says a document nested thousands of levels deep is too deep, not that the stack overflowed', () => {
    const parsed = parseFile('deep.yaml', `apiVersion: v1\nkind: ConfigMap\ndata:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(parsed.objects).toEqual([]);
    expect(parsed.problems).toMatchObject([{ kind: 'syntax', line: 4, message: 'collections nested too deeply to read' }]);
  });

  it('reads a block scalar that ends the file without a line break as go-yaml does: no trailing newline, on either parse path', () => {
    const cases: [string, string][] = [
      ['|\n    x\n    y', 'x\ny'],
      ["|\n    labels:\n      pod: '{{ pod }}'", "labels:\n  pod: '{{ pod }}'"],
      ['>\n    x\n    y', 'x y'],
      ['"x\\n"', 'x\n'],
      ['|\n    x\n# the end', 'x\n'],
      ['|\n    x\n  ', 'x\n'],
      ['|\n    x\n', 'x\n'],
    ];
    for (const [scalar, expected] of cases) {
      const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  key: ${scalar}`;
      for (const variant of [text, `# hctl-ignore x reason="full path"\n${text}`]) {
        expect(parseFile('cm.yaml', variant).objects[0]!.body.data, JSON.stringify(variant)).toEqual({ key: expected });
      }
    }
  });

  it('takes a file naming an object `<placeholder>` for a template, on either parse path', () => {
    const template = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: real\n---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: <app-name>\n  namespace: flux-system\n';
    for (const text of [template, `# hctl-ignore x reason="full path"\n${template}`]) {
      expect(parseFile('docs/ks-template.yaml', text)).toMatchObject({ templated: 'placeholders', objects: [] });
    }
    expect(parseFile('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web\n  annotations:\n    note: "<not a placeholder name>"\n')).toMatchObject({ templated: false, objects: [{ name: 'web' }] });
  });

  it('collects hctl-ignore comments, standalone and trailing', () => {
    const parsed = parseFile('c.yaml', '# hctl-ignore a reason="x"\napiVersion: v1 # hctl-ignore b reason="y"\nkind: Namespace\n');
    expect([...parsed.comments.keys()]).toEqual([1, 2]);
    expect(parsed.contentLines.has(2)).toBe(true);
    expect(parsed.contentLines.has(1)).toBe(false);
  });
});

describe('the fast parse path', () => {
  // Files with an inline suppression take the full `yaml` path; everything else the js-yaml one.
  const scalars = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: scalars',
    'data:',
    ...['y', 'Yes', 'ON', 'off', 'n', 'NO', 'true', 'FALSE', '0755', '0b101', '0x1F', '1_000', '+12', '-7', '09', '012', '1.5e3', '-.5', '1.', '.inf', '-.Inf', '.NaN', '~', 'null', '', '2024-01-01', '1:20', '0o17', '"quoted"', "'on'", '1e3', '.', '-.', '.e5', '.5_0', '1_0.5', '0O17', '0X1f', '0B11', '08', '-0o7', '0_7', '+1_'].map(
      (value, index) => `  k${index}: ${value}`,
    ),
    'anchors:',
    '  base: &base {a: 1}',
    '  merged:',
    '    <<: *base',
    '    b: 2',
    '',
  ].join('\n');

  it('reads every YAML 1.1 scalar exactly as the full parser does', () => {
    const fast = parseFile('fast.yaml', scalars).objects[0]!.body;
    const full = parseFile('full.yaml', `# hctl-ignore image-unpinned reason="force the full path"\n${scalars}`).objects[0]!.body;
    expect(fast).toEqual(full);
    expect((fast.data as Record<string, unknown>).k0).toBe(true);
    expect((fast.data as Record<string, unknown>).k8).toBe(493);
  });

  it('reads integers as Go does: 0o, 0x and 0b prefixes in either case, a leading 0 for octal', () => {
    for (const path of ['fast.yaml', 'full.yaml']) {
      const text = `${path === 'full.yaml' ? '# hctl-ignore image-unpinned reason="force the full path"\n' : ''}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ints\ndata: {a: 0o644, b: 0O17, c: 0X1f, d: 0B11, e: 0755, f: 08, g: -0x10, h: 1_000, i: 0o9}\n`;
      expect(parseFile(path, text).objects[0]!.body.data).toEqual({ a: 420, b: 15, c: 31, d: 3, e: 493, f: 8, g: -16, h: 1000, i: '0o9' });
    }
  });

  it('reads a float only where Kubernetes does (a digit needed): an Argo CD `path: .` is a string', () => {
    for (const path of ['fast.yaml', 'full.yaml']) {
      const text = `${path === 'full.yaml' ? '# hctl-ignore image-unpinned reason="force the full path"\n' : ''}apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: floats\ndata: {a: ., b: -., c: .e5, d: .5_0, e: .5, f: 1_0.5, g: 1., h: -.inf}\n`;
      expect(parseFile(path, text).objects[0]!.body.data).toEqual({ a: '.', b: '-.', c: '.e5', d: '.5_0', e: 0.5, f: 10.5, g: 1, h: Number.NEGATIVE_INFINITY });
    }
  });

  it('falls back to the full parser for what it cannot judge: duplicate keys', () => {
    expect(fastPathValues('d.yaml', 'a: 1\na: 2\n')).toBeNull();
    expect(parseFile('d.yaml', 'a: 1\na: 2\n').problems).toMatchObject([{ kind: 'duplicate-key', line: 2 }]);
  });

  it('reads other tools\' tags (!secret, !include, !!python/name) on the fast path, as the full parser does', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  secret: !secret wifi\n  list: !include [a, b]\n  map: !Env {k: v}\n  emoji: !!python/name:material.twemoji\n';
    expect(fastPathValues('t.yaml', text)).not.toBeNull();
    const fast = parseFile('t.yaml', text).objects[0]!.body;
    const full = parseFile('t.yaml', `# hctl-ignore x reason="force the full path"\n${text}`).objects[0]!.body;
    expect(fast).toEqual(full);
    expect(fast.data).toEqual({ secret: 'wifi', list: ['a', 'b'], map: { k: 'v' }, emoji: '' });
  });
});
