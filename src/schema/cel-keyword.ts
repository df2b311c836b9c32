import type { Ajv, KeywordCxt } from 'ajv';
import { ajv as ajvPackage } from '../lazy-packages.js';
import type { Name } from 'ajv/dist/compile/codegen/index.js';
import { CEL_SELF_KEYWORD, type CelSelfShape } from './cel-self.js';
import { celSelfOf, compileCelRule } from './cel.js';

/**
 * `x-kubernetes-validations` (a list of CEL rules) as ajv code: one check per rule, each with the
 * rule's own message. The compiled rule is referenced through `require("hctl:cel")`, so cached
 * standalone validators (validator-cache.ts) rebuild it when they load. Rules see the value as on
 * the API server: defaulted, with escaped property names (cel-self.ts).
 */
export function addCelKeyword(ajv: Ajv): void {
  const { _, str } = ajvPackage();
  ajv.addKeyword({
    keyword: 'x-kubernetes-validations',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const entries = (cxt.schema as { rule?: unknown; message?: unknown }[]) ?? [];
      // Transition rules and functions hctl lacks: not judged offline.
      const rules = entries.map(compileCelRule).filter((rule) => rule.check);
      if (rules.length === 0) return;
      const shape = (cxt.parentSchema as Record<string, unknown>)[CEL_SELF_KEYWORD] as CelSelfShape | undefined;
      let self: Name | typeof cxt.data = cxt.data;
      if (shape) {
        const json = JSON.stringify(shape);
        const view = cxt.gen.scopeValue('keyword', { ref: celSelfOf(json), code: _`require("hctl:cel").celSelfOf(${json})` });
        self = cxt.gen.const('self', _`${view}(${cxt.data})`);
      }
      for (const rule of rules) {
        const check = cxt.gen.scopeValue('keyword', {
          ref: rule.check,
          code: _`require("hctl:cel").celCheck(${rule.rule})`,
        });
        cxt.gen.if(_`${check}(${self}) === false`, () => cxt.error(false, { rule: rule.rule, message: rule.message }));
      }
    },
    error: {
      message: ({ params }) => str`${params.message as string}`,
      params: ({ params }) => _`{rule: ${params.rule as string}}`,
    },
  });
}
