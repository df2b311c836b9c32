import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/graph/find-cycles.js';

describe('findCycles', () => {
  it('finds one shortest cycle per strongly connected component, from its smallest key', () => {
    const edges = new Map([
      ['c', ['a']],
      ['a', ['b']],
      ['b', ['c', 'a']],
      ['d', ['d']],
      ['e', ['a', 'missing']],
    ]);
    expect(findCycles(edges)).toEqual([['a', 'b'], ['d']]);
  });
  it('finds nothing in a graph without cycles', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
