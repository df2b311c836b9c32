import type { Ajv, KeywordCxt } from 'ajv';
import { ajv as ajvPackage } from '../lazy-packages.js';
import { compileCelRule } from './cel.js';

/**
 * `x-kubernetes-validations` (a list of CEL rules) as ajv code: one check per rule, each with the
 * rule's own message. The compiled rule is referenced through `require("hctl:cel")`, so cached
 * standalone validators (validator-cache.ts) rebuild it when they load.
 */
export function addCelKeyword(ajv: Ajv): void {
  const { _, str } = ajvPackage();
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const entries = (cxt.schema as { rule?: unknown; message?: unknown }[]) ?? [];
      for (const entry of entries) {
        const rule = compileCelRule(entry);
        if (!rule.check) continue; // transition rules and functions hctl lacks: not judged offline
        const check = cxt.gen.scopeValue('keyword', {
          ref: rule.check,
          code: _`require("hctl:cel").celCheck(${rule.rule})`,
        });
        cxt.gen.if(_`${check}(${cxt.data}) === false`, () => cxt.error(false, { rule: rule.rule, message: rule.message }));
      }
    },
    error: {
      message: ({ params }) => str`${params.message as string}`,
      params: ({ params }) => _`{rule: ${params.rule as string}}`,
    },
  });
}
