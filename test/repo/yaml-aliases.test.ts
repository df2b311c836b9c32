import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { aliasTrouble } from '../../src/repo/yaml-aliases.js';

describe('aliasTrouble', () => {
  it('finds a value that contains itself', () => {
    expect(aliasTrouble(jsyaml.load('a: &a [*a]'), 1000)).toBe('contains itself');
    expect(aliasTrouble(jsyaml.load('a: &a\n  b:\n    c: *a'), 1000)).toBe('contains itself');
  });

  it('counts repeated aliased nodes against a budget, as expansion would', () => {
    const bomb = 'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]';
    expect(aliasTrouble(jsyaml.load(bomb), 5)).toBe('too many aliases');
    expect(aliasTrouble(jsyaml.load(bomb), 1000)).toBeUndefined();
  });

  it('lets plain shared values through', () => {
    expect(aliasTrouble(jsyaml.load('base: &base {image: nginx}\nweb: *base\napi: *base'), 1000)).toBeUndefined();
  });
});
