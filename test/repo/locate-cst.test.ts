import { describe, expect, it } from 'vitest';
import { isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { CstLocator } from '../../src/repo/locate-cst.js';
import { locateInDocument } from '../../src/repo/locate.js';

const text = [
  '---',
  '---',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: shapes',
  '  labels: {app: web, "quoted key": x}',
  'data:',
  '  on: yes',
  "  'single': value",
  '  empty:',
  '  list: [a, {b: c}]',
  'spec:',
  '  port: &port 8080',
  '  items:',
  '    - name: first',
  '      ports:',
  '        - 80',
  '        - *port',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: second}',
  '',
].join('\n');

const paths: (string | number)[][] = [
  [],
  ['metadata', 'name'],
  ['metadata', 'labels', 'app'],
  ['metadata', 'labels', 'quoted key'],
  ['data', 'true'],
  ['data', 'single'],
  ['data', 'empty'],
  ['data', 'list', 1, 'b'],
  ['spec', 'items', 0, 'ports', 1],
  ['spec', 'items', 0, 'missing', 'deeper'],
  ['spec', 'port'],
];

describe('CstLocator', () => {
  it('finds the same positions as the full parse, for keys and values', () => {
    const lineCounter = new LineCounter();
    const documents = parseAllDocuments(text, { version: '1.1', lineCounter }).filter((document) => !(isScalar(document.contents) || document.contents === null));
    const locator = new CstLocator(text);
    for (const ordinal of [0, 1]) {
      for (const path of ordinal === 0 ? paths : [[], ['metadata', 'name']]) {
        for (const wantKey of [false, true]) {
          expect(locator.locate(ordinal, 'f.yaml', path, wantKey), JSON.stringify({ ordinal, path, wantKey })).toEqual(
            locateInDocument(documents[ordinal]!, lineCounter, 'f.yaml', path, wantKey),
          );
        }
      }
    }
  });

  it('points at an alias where it is written, and at an empty value by its key', () => {
    const locator = new CstLocator(text);
    expect(locator.locate(0, 'f.yaml', ['spec', 'items', 0, 'ports', 1], false)).toMatchObject({ line: 19, column: 11 });
    expect(locator.locate(0, 'f.yaml', ['data', 'empty'], false)).toMatchObject({ line: 11, column: 3 });
  });
});
