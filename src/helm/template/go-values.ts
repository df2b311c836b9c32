/**
 * Go's view of template values. Values from YAML are what Helm gets from sigs.k8s.io/yaml: maps,
 * slices, strings, bools, nil and float64 numbers (JS numbers); Go ints (template literals, `int`,
 * `len`, Sprig arithmetic) are bigints, so they print and divide as Go's do.
 */

export type GoMap = Record<string, unknown>;

export function isMap(value: unknown): value is GoMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's truth: false, 0, nil, and empty strings, slices and maps are false. */
export function isTrue(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0 || value === 0n) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** Sprig's `empty`: Go's falsehood. */
export function isEmpty(value: unknown): boolean {
  return !isTrue(value);
}

/** The Go kind Sprig's `kindOf`/`kindIs` name. */
export function kindOf(value: unknown): string {
  if (value === undefined || value === null) return 'invalid';
  if (typeof value === 'bigint') return 'int64';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'function') return 'func';
  return 'map';
}

/** The Go type `typeOf` prints. */
export function typeOf(value: unknown): string {
  switch (kindOf(value)) {
    case 'invalid':
      return '<nil>';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    default:
      return kindOf(value);
  }
}

/** A float64 as Go's %v prints it: shortest digits, exponent form below 1e-4 or from 1e+06 on. */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** A value as fmt's %v prints it (`<nil>` for nil, `map[k:v]` for maps, `[a b]` for slices). */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatFloat(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (isMap(value)) {
    return `map[${Object.keys(value)
      .sort()
      .map((key) => `${key}:${formatValue(value[key])}`)
      .join(' ')}]`;
  }
  return String(value);
}

/** Sprig's strval: strings as they are, everything else as %v. */
export function toText(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

/** spf13/cast's ToInt64, as Sprig's `int`/`int64` use it: unparsable values are 0. */
export function toInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text)) {
      const negative = text.startsWith('-');
      const digits = text.replace(/^[-+]/, '');
      const parsed = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
      return negative ? -parsed : parsed;
    }
    return 0n;
  }
  return 0n;
}

export function toFloat(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return value.trim() === '' || Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
}

/** Go's basic kinds, for comparisons: ints and floats compare as numbers. */
function basicKind(value: unknown): 'number' | 'string' | 'bool' | 'nil' | undefined {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  return undefined;
}

/** text/template's eq on two values; comparing values of different kinds is an error, as in Go. */
export function goEqual(a: unknown, b: unknown): boolean {
  const kindA = basicKind(a);
  const kindB = basicKind(b);
  if (kindA === 'nil' || kindB === 'nil') {
    if (kindA === kindB) return true;
    if ((kindA === undefined && kindA !== kindB) || (kindB === undefined && kindA !== kindB)) return false;
    throw new Error('incompatible types for comparison');
  }
  if (kindA === undefined || kindB === undefined) throw new Error('non-comparable type');
  if (kindA !== kindB) throw new Error('incompatible types for comparison');
  if (kindA === 'number') return toFloat(a) === toFloat(b) && (typeof a !== 'bigint' || typeof b !== 'bigint' || a === b);
  return a === b;
}

/** text/template's lt: numbers and strings only. */
export function goLess(a: unknown, b: unknown): boolean {
  const kindA = basicKind(a);
  const kindB = basicKind(b);
  if (kindA !== kindB || (kindA !== 'number' && kindA !== 'string')) throw new Error(kindA === kindB ? 'invalid type for comparison' : 'incompatible types for comparison');
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b;
  return kindA === 'number' ? toFloat(a) < toFloat(b) : (a as string) < (b as string);
}

/** A deep copy of plain template data (maps, slices, scalars). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (isMap(value)) {
    const copy: GoMap = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}
