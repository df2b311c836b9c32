import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CstLocator } from '../../src/repo/locate-cst.js';
import { LineLocator } from '../../src/repo/locate-lines.js';
import type { NodePath } from '../../src/repo/object.js';
import { KUBERNETES_YAML_SCHEMA } from '../../src/repo/yaml11-schema.js';

/** Every path into each document (and one missing key or index per collection). */
function allPaths(value: unknown, path: NodePath = []): NodePath[] {
  const paths: NodePath[] = [path];
  if (Array.isArray(value)) {
    value.forEach((child, index) => paths.push(...allPaths(child, [...path, index])));
    paths.push([...path, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) paths.push(...allPaths(child, [...path, key]));
    paths.push([...path, 'missing']);
  }
  return paths;
}

/** The line locator either defers (undefined) or gives exactly the CST's answer, for every path. */
function agreesWithCst(text: string): { answered: number; deferred: number } {
  const lines = new LineLocator(text);
  const cst = new CstLocator(text);
  let answered = 0;
  let deferred = 0;
  const documents = jsyaml.loadAll(text, undefined, { schema: KUBERNETES_YAML_SCHEMA }).filter((value) => value !== null && value !== undefined);
  documents.forEach((document, ordinal) => {
    for (const path of allPaths(document)) {
      for (const wantKey of [false, true]) {
        const quick = lines.locate(ordinal, 'f.yaml', path, wantKey);
        if (quick === undefined) {
          deferred++;
          continue;
        }
        answered++;
        expect({ path, wantKey, at: quick }).toEqual({ path, wantKey, at: cst.locate(ordinal, 'f.yaml', path, wantKey) });
      }
    }
  });
  return { answered, deferred };
}

describe('positions from lines', () => {
  it('answer like the CST for block mappings, sequences (compact and indented), nulls and block scalars', () => {
    const text = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  labels:
    app.kubernetes.io/name: web
    "quoted": yes
    'single': x
spec:
  replicas: 2
  empty:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
        args:
          - --port
          - "8080"
        env:
          -
            name: A
            value: |
              line one
              key: not a key
          - name: B
      volumes:
        - name: data
          emptyDir: {}
---
# only a comment: not a document
---
apiVersion: v1
kind: ConfigMap
data:
  url: http://example.com:8080/x
  script: >-
    folded
`;
    const { answered, deferred } = agreesWithCst(text);
    expect(answered).toBeGreaterThan(80);
    // Only paths into the flow mapping {} are left to the CST.
    expect(deferred).toBeLessThan(4);
  });

  it('defers anchors, aliases, merge keys, tags and the insides of flow collections to the CST', () => {
    const text = `base: &base
  a: 1
copy: *base
merged:
  <<: *base
  b: 2
tagged: !!str 3
flow: { x: [1, 2] }
list: [a, b]
plain: ok
`;
    const lines = new LineLocator(text);
    expect(lines.locate(0, 'f.yaml', ['base', 'a'], false)).toBeUndefined();
    expect(lines.locate(0, 'f.yaml', ['copy'], false)).toBeUndefined();
    expect(lines.locate(0, 'f.yaml', ['merged', 'a'], false)).toBeUndefined();
    expect(lines.locate(0, 'f.yaml', ['tagged'], false)).toBeUndefined();
    expect(lines.locate(0, 'f.yaml', ['flow', 'x', 0], false)).toBeUndefined();
    expect(lines.locate(0, 'f.yaml', ['plain'], false)).toEqual({ file: 'f.yaml', line: 10, column: 8 });
    // Where the path ends at a flow collection, its bracket is the answer.
    expect(lines.locate(0, 'f.yaml', ['list'], false)).toEqual({ file: 'f.yaml', line: 9, column: 7 });
    expect(lines.locate(0, 'f.yaml', ['flow'], true)).toEqual({ file: 'f.yaml', line: 8, column: 1 });
    agreesWithCst(text);
  });

  it('defers keys YAML 1.1 reads as booleans or numbers, tabs, a BOM, directives and `--- value` documents', () => {
    expect(new LineLocator('on:\n  push: {}\n').locate(0, 'f.yaml', ['true', 'push'], false)).toBeUndefined();
    expect(new LineLocator('8080: web\n').locate(0, 'f.yaml', ['8080'], false)).toBeUndefined();
    expect(new LineLocator('a:\n\tb: 1\n').locate(0, 'f.yaml', ['a'], false)).toBeUndefined();
    expect(new LineLocator('\uFEFFa: 1\n').locate(0, 'f.yaml', ['a'], false)).toBeUndefined();
    expect(new LineLocator('%YAML 1.1\n---\na: 1\n').locate(0, 'f.yaml', ['a'], false)).toBeUndefined();
    expect(new LineLocator('--- a: 1\n').locate(0, 'f.yaml', ['a'], false)).toBeUndefined();
    expect(new LineLocator('a: 1\n--- b: 2\n').locate(0, 'f.yaml', ['a'], false)).toEqual({ file: 'f.yaml', line: 1, column: 4 });
  });

  it('Windows line endings and documents after empty ones keep their ordinals', () => {
    const text = '---\r\n~\r\n---\r\nkind: A\r\nspec:\r\n  x: 1\r\n---\r\nkind: B\r\n';
    expect(new LineLocator(text).locate(1, 'f.yaml', ['kind'], false)).toEqual({ file: 'f.yaml', line: 8, column: 7 });
    agreesWithCst(text);
  });
});
