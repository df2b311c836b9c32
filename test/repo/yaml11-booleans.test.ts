import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/repo/parse.js';

/** The YAML-1.1-only booleans of the first object of `text`, as path → spelling. */
function spellings(text: string): Record<string, string> {
  const [object] = parseFile('manifest.yaml', text).objects;
  return Object.fromEntries((object!.source!.yaml11OnlyBooleans?.() ?? []).map(({ path, spelling }) => [path.join('.'), spelling]));
}

const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

describe('YAML-1.1-only booleans', () => {
  it('are found with their spelling, in block and flow collections, before comments', () => {
    expect(spellings(`${head}spec:\n  a: yes\n  b: Off # old\n  c: [n, true, ON]\n  d: {e: y, f: false}\n`)).toEqual({ 'spec.a': 'yes', 'spec.b': 'Off', 'spec.c.0': 'n', 'spec.c.2': 'ON', 'spec.d.e': 'y' });
  });

  it('are not true or false in any case, nor quoted; Windows line ends are no part of a spelling', () => {
    expect(spellings(`${head}spec:\n  a: true\n  b: FALSE\n  c: "yes"\n  d: 'on'\n`)).toEqual({});
    expect(spellings(`${head}spec:\n  a: no\n  b: True\n`.replace(/\n/g, '\r\n'))).toEqual({ 'spec.a': 'no' });
  });

  it('behind an anchor are found; an alias is not a spelling', () => {
    expect(spellings(`${head}spec:\n  a: &flag on\n  b: *flag\n`)).toEqual({ 'spec.a': 'on' });
  });

  it('in a list item and a document of several objects', () => {
    const text = `${head}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: Y\n`;
    const [, pod] = parseFile('two.yaml', text).objects;
    expect(pod!.source!.yaml11OnlyBooleans!()).toEqual([{ path: ['spec', 'hostNetwork'], spelling: 'Y' }]);
  });
});
