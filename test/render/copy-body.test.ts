import { describe, expect, it } from 'vitest';
import { copyBody } from '../../src/render/copy-body.js';

describe('copying a parsed body', () => {
  it('is deep: changing the copy leaves the original alone', () => {
    const original = { spec: { containers: [{ name: 'app', args: ['a'] }] }, count: 1, flag: true, none: null };
    const copy = copyBody(original);
    expect(copy).toEqual(original);
    copy.spec.containers[0]!.args.push('b');
    expect(original.spec.containers[0]!.args).toEqual(['a']);
  });

  it('gives each use of a shared (aliased) node its own copy', () => {
    const shared = { cpu: '100m' };
    const copy = copyBody({ a: shared, b: shared });
    copy.a.cpu = '1';
    expect(copy.b.cpu).toBe('100m');
  });

  it('copies a cyclic value instead of recursing forever', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const copy = copyBody(cyclic);
    expect(copy.self).toBe(copy);
    expect(copy).not.toBe(cyclic);
  });
});
