import { quantityBytes } from '../k8s/byte-sizes.js';
import { asRecord } from '../repo/parse.js';
import { wildcardMatch } from './wildcard.js';

/**
 * Whether a scalar of a resource satisfies a scalar of a Kyverno `pattern`, as Kyverno's engine
 * decides it: a boolean pattern wants that boolean; a number wants that number (a numeric string
 * counts); `null` wants an empty value; a string is a list of alternatives (`a | b`), each a list of
 * conditions (`>1 & <5`), each a wildcard (`?*`, `!*:latest`), a comparison of quantities (`<=2Gi`)
 * or a range (`1-10`, `1!-10`).
 */
export function valueMatches(value: unknown, pattern: unknown): boolean {
  if (typeof pattern === 'boolean') return value === pattern;
  if (typeof pattern === 'number') return numberMatches(value, pattern);
  if (typeof pattern === 'string') return pattern.split('|').some((alternative) => alternative.split('&').every((condition) => conditionMatches(value, condition.trim())));
  if (pattern === null || pattern === undefined) return value === null || value === undefined || value === 0 || value === '' || value === false;
  // A map pattern reached here only asks for a map; a list pattern never matches a scalar.
  return asRecord(pattern) !== undefined && asRecord(value) !== undefined;
}

function numberMatches(value: unknown, pattern: number): boolean {
  if (typeof value === 'number') return value === pattern;
  if (typeof value !== 'string') return false;
  const parsed = Number.isInteger(pattern) ? Number.parseInt(value, 10) : Number.parseFloat(value);
  return parsed === pattern && (Number.isInteger(pattern) ? /^[+-]?\d+$/.test(value) : true);
}

type Operator = '' | '!' | '>' | '<' | '>=' | '<=';

const RANGE = /^(\d+(?:\.\d+)?[A-Za-z]*)(!?-)(\d+(?:\.\d+)?[A-Za-z]*)$/;

function conditionMatches(value: unknown, condition: string): boolean {
  const range = RANGE.exec(condition);
  if (range) {
    const [, low, dash, high] = range as unknown as [string, string, string, string];
    if (dash === '-') return compare(value, '>=', low) && compare(value, '<=', high);
    return compare(value, '<', low) || compare(value, '>', high);
  }
  const operator = (['>=', '<=', '>', '<', '!'] as const).find((candidate) => condition.length >= 2 && condition.startsWith(candidate)) ?? '';
  return compare(value, operator, condition.slice(operator.length).trim());
}

function compare(value: unknown, operator: Operator, operand: string): boolean {
  // Kyverno reads a pattern that starts with a number as a quantity, anything else as a wildcard.
  if (!/^\d/.test(operand) && !/^\.\d/.test(operand)) return stringMatches(value, operator, operand);
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
  if (text === undefined) return false;
  const wanted = quantityBytes(operand);
  if (wanted === undefined) return wildcardMatch(operand, text);
  const actual = quantityBytes(text);
  if (actual === undefined) return false;
  switch (operator) {
    case '':
      return actual === wanted;
    case '!':
      return actual !== wanted;
    case '>':
      return actual > wanted;
    case '<':
      return actual < wanted;
    case '>=':
      return actual >= wanted;
    case '<=':
      return actual <= wanted;
  }
}

function stringMatches(value: unknown, operator: Operator, operand: string): boolean {
  if (operator !== '' && operator !== '!') return false;
  const text = stringOf(value);
  if (text === undefined) return false;
  const matched = wildcardMatch(operand, text);
  return operator === '!' ? !matched : matched;
}

/** A scalar as Go's engine prints it for wildcard matching (floats in `1.5E+00` form). */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'number') return undefined;
  if (Number.isInteger(value)) return String(value);
  const [mantissa, exponent] = value.toExponential().toUpperCase().split('E') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}
