import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { shareRepeatedSubschemas, strictSchema } from '../../src/schema/transform.js';

describe('strictSchema', () => {
  it('rejects unknown fields where properties are listed, except under x-kubernetes-preserve-unknown-fields', () => {
    const schema = strictSchema({
      type: 'object',
      description: 'dropped',
      properties: {
        spec: { type: 'object', properties: { a: { type: 'string', default: 'x' } } },
        values: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'string' } } },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        spec: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        values: { type: 'object', properties: { known: { type: 'string' } } },
      },
      additionalProperties: false,
    });
  });

  it('leaves anyOf/oneOf branches open: they only add constraints', () => {
    const schema = strictSchema({ type: 'object', properties: { a: {}, b: {} }, oneOf: [{ properties: { a: {} }, required: ['a'] }, { required: ['b'] }] });
    expect(schema.oneOf).toEqual([{ properties: { a: {} }, required: ['a'] }, { required: ['b'] }]);
  });

  it('maps OpenAPI nullable and int-or-string, and drops RE2 patterns JavaScript cannot compile', () => {
    expect(strictSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(strictSchema({ 'x-kubernetes-int-or-string': true })).toEqual({ anyOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(strictSchema({ type: 'string', pattern: '(?i)^abc$' })).toEqual({ type: 'string' });
  });

  it("turns OpenAPI 3.0's boolean exclusiveMaximum/exclusiveMinimum into draft-07's bounds, which ajv then enforces", () => {
    const port = strictSchema({ type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 65536, exclusiveMaximum: true });
    expect(port).toEqual({ type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 65536 });
    expect(strictSchema({ type: 'integer', maximum: 10, exclusiveMaximum: false })).toEqual({ type: 'integer', maximum: 10 });
    const validate = new Ajv({ strict: false }).compile(port);
    expect([65535, 65536, 0, 1].map((value) => validate(value))).toEqual([true, false, false, true]);
  });

  it('gives a CRD root apiVersion, kind and the core ObjectMeta', () => {
    const schema = strictSchema({ type: 'object', properties: { spec: { type: 'object' } } }, { rootMetadata: true });
    expect(Object.keys(schema.properties as object)).toEqual(['apiVersion', 'kind', 'spec', 'metadata']);
  });
});

describe('shareRepeatedSubschemas', () => {
  const generator = { type: 'object', properties: { list: { type: 'object', properties: { elements: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, url: { type: 'string' } }, additionalProperties: false } } }, additionalProperties: false } }, additionalProperties: false };
  const schema = { type: 'object', properties: { a: generator, b: generator, c: { type: 'object', properties: { inner: generator }, additionalProperties: false } }, additionalProperties: false };

  it('lifts repeated subtrees into definitions without changing what validates', () => {
    const shared = shareRepeatedSubschemas(schema, 50);
    expect(Object.keys(shared.definitions as object).length).toBeGreaterThan(0);
    expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(schema).length);
    const ajv = new Ajv({ allErrors: true });
    const original = ajv.compile(schema);
    const compact = ajv.compile(shared);
    for (const data of [{ a: { list: { elements: [{ name: 'x' }] } } }, { c: { inner: { list: { elements: [{ nam: 'typo' }] } } } }, { b: { list: 7 } }]) {
      expect(compact(data)).toBe(original(data));
    }
  });
});
