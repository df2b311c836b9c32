import { describe, expect, it } from 'vitest';
import { valueMatches } from '../../src/kyverno/value-pattern.js';

describe('valueMatches', () => {
  it('compares booleans, numbers and numeric strings by type, as Kyverno does', () => {
    expect(valueMatches(true, true)).toBe(true);
    expect(valueMatches('true', true)).toBe(false);
    expect(valueMatches(false, 'false')).toBe(true);
    expect(valueMatches(1000, 1000)).toBe(true);
    expect(valueMatches('1000', 1000)).toBe(true);
    expect(valueMatches('10x', 10)).toBe(false);
  });

  it('reads wildcards: ?* wants a non-empty value, ! negates', () => {
    expect(valueMatches('web', '?*')).toBe(true);
    expect(valueMatches('', '?*')).toBe(false);
    expect(valueMatches(undefined, '?*')).toBe(false);
    expect(valueMatches('nginx:latest', '!*:latest')).toBe(false);
    expect(valueMatches('nginx:1.27', '!*:latest')).toBe(true);
    expect(valueMatches('a.b', 'a?b')).toBe(true);
    expect(valueMatches('a.b', 'a.c')).toBe(false);
  });

  it('reads | as or and & as and', () => {
    expect(valueMatches('RuntimeDefault', 'RuntimeDefault | Localhost')).toBe(true);
    expect(valueMatches('Unconfined', 'RuntimeDefault | Localhost')).toBe(false);
    expect(valueMatches(5, '>1 & <10')).toBe(true);
    expect(valueMatches(50, '>1 & <10')).toBe(false);
  });

  it('compares quantities with operators and ranges', () => {
    expect(valueMatches('1Gi', '<=2Gi')).toBe(true);
    expect(valueMatches('3Gi', '<=2Gi')).toBe(false);
    expect(valueMatches('500m', '<1')).toBe(true);
    expect(valueMatches(0, '>0')).toBe(false);
    expect(valueMatches(1000, '>0')).toBe(true);
    expect(valueMatches(8080, '1024-65535')).toBe(true);
    expect(valueMatches(80, '1024-65535')).toBe(false);
    expect(valueMatches(80, '1024!-65535')).toBe(true);
    expect(valueMatches('abc', '>0')).toBe(false);
  });

  it('takes null as "empty" and a map pattern as "some map"', () => {
    expect(valueMatches(undefined, null)).toBe(true);
    expect(valueMatches('', null)).toBe(true);
    expect(valueMatches('x', null)).toBe(false);
    expect(valueMatches({ a: 1 }, {})).toBe(true);
    expect(valueMatches('x', {})).toBe(false);
  });
});
