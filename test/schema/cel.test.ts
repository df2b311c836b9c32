import { describe, expect, it } from 'vitest';
import { compileCelRule } from '../../src/schema/cel.js';

describe('compileCelRule', () => {
  it('evaluates rules against self', () => {
    const rule = compileCelRule({ rule: "!has(self.retryInterval) || self.name != 'RemediateOnFailure'", message: 'no retryInterval here' });
    expect(rule.check!({ name: 'RemediateOnFailure', retryInterval: '1m' })).toBe(false);
    expect(rule.check!({ name: 'RetryOnFailure', retryInterval: '1m' })).toBe(true);
    expect(rule.message).toBe('no retryInterval here');
  });

  it('knows the Kubernetes functions CRDs use', () => {
    expect(compileCelRule({ rule: 'isURL(self)' }).check!('https://example.com')).toBe(true);
    expect(compileCelRule({ rule: 'isIP(self)' }).check!('10.0.0.300')).toBe(false);
    expect(compileCelRule({ rule: 'isCIDR(self)' }).check!('10.0.0.0/24')).toBe(true);
    expect(compileCelRule({ rule: "matches(self, '^[0-9]+(s|m)$')" }).check!('5h')).toBe(false);
    expect(compileCelRule({ rule: "matches(self, '^[0-9]+(s|m)$')" }).check!('5m')).toBe(true);
  });

  it('leaves transition rules, unknown functions and evaluation errors unjudged', () => {
    expect(compileCelRule({ rule: 'self == oldSelf' }).check).toBeUndefined();
    expect(compileCelRule({ rule: 'quantity(self).isGreaterThan(quantity("1"))' }).check?.('2')).toBeUndefined();
    expect(compileCelRule({ rule: 'self.missing == 1' }).check!({})).toBeUndefined();
  });
});
