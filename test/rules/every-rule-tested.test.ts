import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

// Every rule ships with its own test file next to its domain (firing and non-firing cases).
describe('rule tests', () => {
  for (const rule of RULES) {
    it(`${rule.meta.id} has test/rules/${rule.meta.domain}/${rule.meta.id}.test.ts`, () => {
      expect(existsSync(new URL(`./${rule.meta.domain}/${rule.meta.id}.test.ts`, import.meta.url))).toBe(true);
    });
  }
});
