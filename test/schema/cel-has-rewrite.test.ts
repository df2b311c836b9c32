import { describe, expect, it } from 'vitest';
import { rewriteHasOnExpressions } from '../../src/schema/cel-has-rewrite.js';
import { compileCelRule } from '../../src/schema/cel.js';

describe('rewriteHasOnExpressions', () => {
  it('rewrites has() of a field of an indexed or computed operand, and nothing else', () => {
    expect(rewriteHasOnExpressions('has(self.matches[0].path)')).toBe('(self.matches[0]).?path.hasValue()');
    expect(rewriteHasOnExpressions('has(self.a.b) && !has( self[size(self) - 1].condition )')).toBe('has(self.a.b) && !(self[size(self) - 1]).?condition.hasValue()');
    expect(rewriteHasOnExpressions("self.x == 'has(self.a[0].b)'")).toBe("self.x == 'has(self.a[0].b)'");
    expect(rewriteHasOnExpressions('self.has(x)')).toBe('self.has(x)');
  });

  it('lets Gateway API rules that test a field of the first match be judged', () => {
    // From HTTPRoute v1: a URL rewrite with ReplacePrefixMatch needs exactly one PathPrefix match.
    const rule = compileCelRule({
      rule: "(has(self.filters) && self.filters.exists_one(f, has(f.urlRewrite) && has(f.urlRewrite.path) && f.urlRewrite.path.type == 'ReplacePrefixMatch' && has(f.urlRewrite.path.replacePrefixMatch))) ? ((size(self.matches) == 1) && has(self.matches[0].path) && self.matches[0].path.type == 'PathPrefix') : true",
    });
    const rewrite = { filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }] };
    expect(rule.check!({ ...rewrite, matches: [{ path: { type: 'PathPrefix', value: '/api' } }] })).toBe(true);
    expect(rule.check!({ ...rewrite, matches: [{ path: { type: 'Exact', value: '/api' } }] })).toBe(false);
    expect(rule.check!({ ...rewrite, matches: [{ headers: [{ name: 'x', value: 'y' }] }] })).toBe(false);
  });
});
