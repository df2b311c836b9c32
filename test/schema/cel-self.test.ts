import { describe, expect, it } from 'vitest';
import { celSelf, celSelfShape, escapedName } from '../../src/schema/cel-self.js';
import { strictSchema } from '../../src/schema/transform.js';

const parentRefs = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      group: { type: 'string', default: 'gateway.networking.k8s.io' },
      kind: { type: 'string', default: 'Gateway' },
      name: { type: 'string' },
      namespace: { type: 'string' },
    },
  },
};

describe('celSelfShape and celSelf', () => {
  it('apply defaults below the rule, through list items, without changing the input', () => {
    const shape = celSelfShape(parentRefs, ['self.all(p, p.kind == "Gateway")'])!;
    const value = [{ name: 'internal' }, { name: 'external', kind: 'Service', group: '' }];
    expect(celSelf(value, shape)).toEqual([
      { name: 'internal', group: 'gateway.networking.k8s.io', kind: 'Gateway' },
      { name: 'external', kind: 'Service', group: '' },
    ]);
    expect(value[0]).toEqual({ name: 'internal' });
  });

  it('escape property names only for rules that use escaped names', () => {
    expect(celSelfShape(parentRefs, ['self.all(p, p.kind == "Gateway")'])!.items!.properties!.namespace).toBeUndefined();
    const shape = celSelfShape(parentRefs, ['self.all(p, has(p.__namespace__))'])!;
    expect(celSelf([{ name: 'a', namespace: 'lab' }], shape)).toEqual([{ name: 'a', __namespace__: 'lab', group: 'gateway.networking.k8s.io', kind: 'Gateway' }]);
  });

  it('default a null that may not be null, keep one that may, and default map values', () => {
    const schema = {
      type: 'object',
      properties: {
        mode: { type: 'string', default: 'Terminate' },
        optional: { type: 'string', nullable: true, default: 'x' },
        listeners: { type: 'object', additionalProperties: { type: 'object', properties: { port: { type: 'integer', default: 80 } } } },
      },
    };
    const shape = celSelfShape(schema, ['true'])!;
    expect(celSelf({ mode: null, optional: null, listeners: { http: {}, https: { port: 443 } } }, shape)).toEqual({
      mode: 'Terminate',
      optional: null,
      listeners: { http: { port: 80 }, https: { port: 443 } },
    });
  });

  it('is nothing for a node whose rules see the value as written', () => {
    expect(celSelfShape({ type: 'object', properties: { name: { type: 'string' } } }, ['has(self.name)'])).toBeUndefined();
  });

  it('travels with the rules through the strict transform', () => {
    const schema = strictSchema({ type: 'object', properties: { parentRefs: { ...parentRefs, 'x-kubernetes-validations': [{ rule: 'self.size() > 0' }] } } });
    const transformed = (schema.properties as Record<string, Record<string, unknown>>).parentRefs!;
    expect(transformed['x-hctl-cel-self']).toEqual({ items: { properties: { group: { default: 'gateway.networking.k8s.io' }, kind: { default: 'Gateway' } } } });
    expect((transformed.items as { properties: Record<string, unknown> }).properties.kind).toEqual({ type: 'string' }); // the validated schema has no defaults
  });
});

describe('escapedName', () => {
  it('escapes as Kubernetes does', () => {
    expect(escapedName('namespace')).toBe('__namespace__');
    expect(escapedName('x-prop')).toBe('x__dash__prop');
    expect(escapedName('redact__d')).toBe('redact__underscores__d');
    expect(escapedName('a.b/c')).toBe('a__dot__b__slash__c');
    expect(escapedName('string')).toBe('string');
    expect(escapedName('1st')).toBeUndefined();
    expect(escapedName('with space')).toBeUndefined();
  });
});
