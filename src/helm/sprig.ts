import { createHash } from 'node:crypto';
import path from 'node:path';
import satisfies from 'semver/functions/satisfies.js';
import type { TemplateFunction } from './template/execute.js';
import { MAX_ITEMS, MAX_OUTPUT_CHARS } from './template/execute.js';
import { deepCopy, isEmpty, isMap, kindOf, toFloat, toInt, toText, typeOf, type GoMap } from './template/go-values.js';
import { goQuote } from './template/printf.js';
import { fromYaml, goJson, toYaml } from './yaml-functions.js';

/**
 * The Sprig functions Helm charts use (github.com/Masterminds/sprig v3), with Sprig's argument order
 * (the piped value last) and Go's results. Random generators give a fixed string of the asked
 * length: hctl checks the shape of what renders, and its output must not change between runs.
 * Functions that need the clock, the network or key generation (now, genCA, …) are left out: a
 * template calling one stays unverified, with the function named.
 */
export const SPRIG_FUNCTIONS: ReadonlyMap<string, TemplateFunction> = new Map(
  Object.entries({
    // Defaults and logic
    default: (fallback: unknown, ...given: unknown[]) => (given.length === 0 || isEmpty(given[0]) ? fallback : given[0]),
    empty: isEmpty,
    coalesce: (...values: unknown[]) => values.find((value) => !isEmpty(value)) ?? null,
    all: (...values: unknown[]) => values.every((value) => !isEmpty(value)),
    any: (...values: unknown[]) => values.some((value) => !isEmpty(value)),
    ternary: (whenTrue: unknown, whenFalse: unknown, condition: unknown) => (condition === true ? whenTrue : whenFalse),
    // Strings
    trim: (text: unknown) => toText(text).trim(),
    trimAll: (cutset: unknown, text: unknown) => trimCutset(toText(text), toText(cutset)),
    trimPrefix: (prefix: unknown, text: unknown) => (toText(text).startsWith(toText(prefix)) ? toText(text).slice(toText(prefix).length) : toText(text)),
    trimSuffix: (suffix: unknown, text: unknown) => (toText(suffix) !== '' && toText(text).endsWith(toText(suffix)) ? toText(text).slice(0, -toText(suffix).length) : toText(text)),
    upper: (text: unknown) => toText(text).toUpperCase(),
    lower: (text: unknown) => toText(text).toLowerCase(),
    title: (text: unknown) => toText(text).replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase()),
    untitle: (text: unknown) => toText(text).replace(/(^|\s)(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLowerCase()),
    repeat: (count: unknown, text: unknown) => {
      const times = Math.max(0, Number(toInt(count)));
      if (times * toText(text).length > MAX_OUTPUT_CHARS) throw new Error(`repeat makes more than ${MAX_OUTPUT_CHARS} characters`);
      return toText(text).repeat(times);
    },
    substr: (start: unknown, end: unknown, text: unknown) => substr(toText(text), Number(toInt(start)), Number(toInt(end))),
    nospace: (text: unknown) => toText(text).replace(/\s/g, ''),
    trunc: (length: unknown, text: unknown) => {
      const value = toText(text);
      const count = Number(toInt(length));
      if (count < 0) return -count < value.length ? value.slice(value.length + count) : value;
      return value.slice(0, count);
    },
    abbrev: (width: unknown, text: unknown) => {
      const value = toText(text);
      const max = Number(toInt(width));
      return max < 4 || value.length <= max ? value : `${value.slice(0, max - 3)}...`;
    },
    initials: (text: unknown) => toText(text).split(/\s+/).filter(Boolean).map((word) => word[0]).join(''),
    contains: (needle: unknown, text: unknown) => toText(text).includes(toText(needle)),
    hasPrefix: (prefix: unknown, text: unknown) => toText(text).startsWith(toText(prefix)),
    hasSuffix: (suffix: unknown, text: unknown) => toText(text).endsWith(toText(suffix)),
    quote: (...values: unknown[]) => values.filter((value) => value !== undefined && value !== null).map((value) => goQuote(toText(value))).join(' '),
    squote: (...values: unknown[]) => values.filter((value) => value !== undefined && value !== null).map((value) => `'${toText(value)}'`).join(' '),
    cat: (...values: unknown[]) => values.filter((value) => value !== undefined && value !== null).map(toText).join(' '),
    indent: (spaces: unknown, text: unknown) => indent(Number(toInt(spaces)), toText(text)),
    nindent: (spaces: unknown, text: unknown) => `\n${indent(Number(toInt(spaces)), toText(text))}`,
    replace: (old: unknown, replacement: unknown, text: unknown) => toText(text).split(toText(old)).join(toText(replacement)),
    plural: (one: unknown, many: unknown, count: unknown) => (toInt(count) === 1n ? one : many),
    snakecase: (text: unknown) => words(toText(text)).join('_').toLowerCase(),
    kebabcase: (text: unknown) => words(toText(text)).join('-').toLowerCase(),
    camelcase: (text: unknown) => toText(text).split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(''),
    toString: toText,
    toStrings: (list: unknown) => asList(list).map(toText),
    join: (separator: unknown, list: unknown) => asList(list).map((item) => (item === null || item === undefined ? '' : toText(item))).join(toText(separator)),
    split: (separator: unknown, text: unknown) => Object.fromEntries(toText(text).split(toText(separator)).map((part, index) => [`_${index}`, part])),
    splitList: (separator: unknown, text: unknown) => toText(text).split(toText(separator)),
    splitn: (separator: unknown, count: unknown, text: unknown) => Object.fromEntries(splitN(toText(text), toText(separator), Number(toInt(count))).map((part, index) => [`_${index}`, part])),
    sortAlpha: (list: unknown) => asList(list).map(toText).sort(),
    regexMatch: (pattern: unknown, text: unknown) => goRegExp(pattern).test(toText(text)),
    regexFind: (pattern: unknown, text: unknown) => goRegExp(pattern).exec(toText(text))?.[0] ?? '',
    regexFindAll: (pattern: unknown, text: unknown, count: unknown) => limit([...toText(text).matchAll(goRegExp(pattern, 'g'))].map((match) => match[0]), Number(toInt(count))),
    regexReplaceAll: (pattern: unknown, text: unknown, replacement: unknown) => toText(text).replace(goRegExp(pattern, 'g'), goReplacement(toText(replacement))),
    regexReplaceAllLiteral: (pattern: unknown, text: unknown, replacement: unknown) => toText(text).replace(goRegExp(pattern, 'g'), () => toText(replacement)),
    regexSplit: (pattern: unknown, text: unknown, count: unknown) => limit(toText(text).split(goRegExp(pattern)), Number(toInt(count))),
    regexQuoteMeta: (text: unknown) => toText(text).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'),
    // Conversions
    atoi: (text: unknown) => toInt(toText(text)),
    int: toInt,
    int64: toInt,
    float64: toFloat,
    toDecimal: (text: unknown) => {
      const parsed = parseInt(toText(text), 8);
      return Number.isNaN(parsed) ? 0n : BigInt(parsed);
    },
    // Math (Sprig's integer math works in int64; the f-suffixed functions in float64)
    add: (...values: unknown[]) => values.reduce<bigint>((sum, value) => sum + toInt(value), 0n),
    add1: (value: unknown) => toInt(value) + 1n,
    sub: (a: unknown, b: unknown) => toInt(a) - toInt(b),
    mul: (...values: unknown[]) => values.reduce<bigint>((product, value) => product * toInt(value), 1n),
    div: (a: unknown, b: unknown) => {
      if (toInt(b) === 0n) throw new Error('runtime error: integer divide by zero');
      return toInt(a) / toInt(b);
    },
    mod: (a: unknown, b: unknown) => {
      if (toInt(b) === 0n) throw new Error('runtime error: integer divide by zero');
      return toInt(a) % toInt(b);
    },
    max: (first: unknown, ...rest: unknown[]) => rest.reduce<bigint>((max, value) => (toInt(value) > max ? toInt(value) : max), toInt(first)),
    min: (first: unknown, ...rest: unknown[]) => rest.reduce<bigint>((min, value) => (toInt(value) < min ? toInt(value) : min), toInt(first)),
    addf: (...values: unknown[]) => values.reduce<number>((sum, value) => sum + toFloat(value), 0),
    subf: (first: unknown, ...rest: unknown[]) => rest.reduce<number>((total, value) => total - toFloat(value), toFloat(first)),
    mulf: (...values: unknown[]) => values.reduce<number>((product, value) => product * toFloat(value), 1),
    divf: (first: unknown, ...rest: unknown[]) => rest.reduce<number>((total, value) => total / toFloat(value), toFloat(first)),
    maxf: (...values: unknown[]) => Math.max(...values.map(toFloat)),
    minf: (...values: unknown[]) => Math.min(...values.map(toFloat)),
    floor: (value: unknown) => Math.floor(toFloat(value)),
    ceil: (value: unknown) => Math.ceil(toFloat(value)),
    round: (value: unknown, places: unknown, roundOn: unknown = 0.5) => {
      const factor = 10 ** Number(toInt(places));
      const scaled = toFloat(value) * factor;
      const whole = Math.trunc(scaled);
      return (Math.abs(scaled - whole) >= toFloat(roundOn) ? whole + Math.sign(scaled) : whole) / factor;
    },
    until: (count: unknown) => untilStep(0n, toInt(count), toInt(count) >= 0n ? 1n : -1n),
    untilStep: (start: unknown, stop: unknown, step: unknown) => untilStep(toInt(start), toInt(stop), toInt(step)),
    seq: (...bounds: unknown[]) => {
      const [start, stop, step] = bounds.length === 1 ? [1n, toInt(bounds[0]), 1n] : bounds.length === 2 ? [toInt(bounds[0]), toInt(bounds[1]), toInt(bounds[1]) >= toInt(bounds[0]) ? 1n : -1n] : bounds.map(toInt);
      if (step === 0n) return '';
      return untilStep(start!, step! > 0n ? stop! + 1n : stop! - 1n, step!).join(' ');
    },
    // Lists
    list: (...values: unknown[]) => values,
    tuple: (...values: unknown[]) => values,
    first: (list: unknown) => asList(list)[0] ?? null,
    last: (list: unknown) => asList(list).at(-1) ?? null,
    rest: (list: unknown) => asList(list).slice(1),
    initial: (list: unknown) => asList(list).slice(0, -1),
    append: (list: unknown, value: unknown) => [...asList(list), value],
    push: (list: unknown, value: unknown) => [...asList(list), value],
    prepend: (list: unknown, value: unknown) => [value, ...asList(list)],
    concat: (...lists: unknown[]) => lists.flatMap(asList),
    reverse: (list: unknown) => [...asList(list)].reverse(),
    uniq: (list: unknown) => asList(list).filter((item, index, all) => all.findIndex((other) => deepEqual(other, item)) === index),
    without: (list: unknown, ...omit: unknown[]) => asList(list).filter((item) => !omit.some((other) => deepEqual(other, item))),
    has: (needle: unknown, list: unknown) => asList(list).some((item) => deepEqual(item, needle)),
    compact: (list: unknown) => asList(list).filter((item) => !isEmpty(item)),
    chunk: (size: unknown, list: unknown) => {
      const items = asList(list);
      const step = Math.max(1, Number(toInt(size)));
      const chunks: unknown[][] = [];
      for (let index = 0; index < items.length; index += step) chunks.push(items.slice(index, index + step));
      return chunks;
    },
    // Dictionaries
    dict: (...pairs: unknown[]) => {
      const dict: GoMap = {};
      for (let index = 0; index < pairs.length; index += 2) dict[toText(pairs[index])] = index + 1 < pairs.length ? pairs[index + 1] : '';
      return dict;
    },
    get: (dict: unknown, key: unknown) => {
      const map = asMap(dict);
      return Object.hasOwn(map, toText(key)) ? map[toText(key)] : '';
    },
    set: (dict: unknown, key: unknown, value: unknown) => {
      asMap(dict)[toText(key)] = value;
      return dict;
    },
    unset: (dict: unknown, key: unknown) => {
      delete asMap(dict)[toText(key)];
      return dict;
    },
    hasKey: (dict: unknown, key: unknown) => Object.hasOwn(asMap(dict), toText(key)),
    pluck: (key: unknown, ...dicts: unknown[]) => dicts.flatMap((dict) => (Object.hasOwn(asMap(dict), toText(key)) ? [asMap(dict)[toText(key)]] : [])),
    dig: (...args: unknown[]) => {
      const dict = args.at(-1);
      const fallback = args.at(-2);
      let value: unknown = dict;
      for (const key of args.slice(0, -2)) {
        if (!isMap(value) || !Object.hasOwn(value, toText(key))) return fallback;
        value = value[toText(key)];
      }
      return value;
    },
    keys: (...dicts: unknown[]) => dicts.flatMap((dict) => Object.keys(asMap(dict))),
    values: (dict: unknown) => Object.keys(asMap(dict)).map((key) => asMap(dict)[key]),
    pick: (dict: unknown, ...keys: unknown[]) => Object.fromEntries(keys.map(toText).filter((key) => Object.hasOwn(asMap(dict), key)).map((key) => [key, asMap(dict)[key]])),
    omit: (dict: unknown, ...keys: unknown[]) => Object.fromEntries(Object.entries(asMap(dict)).filter(([key]) => !keys.map(toText).includes(key))),
    merge: (destination: unknown, ...sources: unknown[]) => sources.reduce((into, source) => mergeInto(asMap(into), asMap(source), false), asMap(destination)),
    mergeOverwrite: (destination: unknown, ...sources: unknown[]) => sources.reduce((into, source) => mergeInto(asMap(into), asMap(source), true), asMap(destination)),
    deepCopy: (value: unknown) => deepCopy(value),
    deepEqual: (a: unknown, b: unknown) => deepEqual(a, b),
    // Types
    kindOf,
    kindIs: (kind: unknown, value: unknown) => kindOf(value) === toText(kind),
    typeOf,
    typeIs: (type: unknown, value: unknown) => typeOf(value) === toText(type),
    typeIsLike: (type: unknown, value: unknown) => typeOf(value) === toText(type) || `*${typeOf(value)}` === toText(type),
    // Encoding
    b64enc: (text: unknown) => Buffer.from(toText(text), 'utf8').toString('base64'),
    b64dec: (text: unknown) => Buffer.from(toText(text), 'base64').toString('utf8'),
    b32enc: (text: unknown) => base32(Buffer.from(toText(text), 'utf8')),
    sha1sum: (text: unknown) => createHash('sha1').update(toText(text)).digest('hex'),
    sha256sum: (text: unknown) => createHash('sha256').update(toText(text)).digest('hex'),
    adler32sum: (text: unknown) => String(adler32(Buffer.from(toText(text), 'utf8'))),
    // Paths (Go's path package: forward slashes)
    base: (text: unknown) => path.posix.basename(toText(text)) || (toText(text) === '' ? '.' : '/'),
    dir: (text: unknown) => path.posix.dirname(toText(text)),
    ext: (text: unknown) => path.posix.extname(toText(text)),
    clean: (text: unknown) => path.posix.normalize(toText(text) || '.').replace(/(.)\/$/, '$1'),
    isAbs: (text: unknown) => path.posix.isAbsolute(toText(text)),
    // Versions (Masterminds/semver constraints: commas are ANDs; "-0" admits pre-releases)
    semverCompare: (constraint: unknown, version: unknown) => satisfies(toText(version).replace(/^v/, ''), helmConstraint(toText(constraint)), { loose: true, includePrerelease: true }),
    // Deterministic stand-ins for random values
    randAlphaNum: (count: unknown) => 'x'.repeat(Number(toInt(count))),
    randAlpha: (count: unknown) => 'x'.repeat(Number(toInt(count))),
    randNumeric: (count: unknown) => '0'.repeat(Number(toInt(count))),
    randAscii: (count: unknown) => 'x'.repeat(Number(toInt(count))),
    uuidv4: () => '00000000-0000-4000-8000-000000000000',
    // Helm's serialisation functions
    toYaml: (value: unknown) => toYaml(value),
    mustToYaml: (value: unknown) => toYaml(value),
    toYamlPretty: (value: unknown) => toYaml(value),
    fromYaml: (text: unknown) => fromYaml(toText(text), false),
    fromYamlArray: (text: unknown) => fromYaml(toText(text), true),
    toJson: (value: unknown) => goJson(value, false),
    mustToJson: (value: unknown) => goJson(value, false),
    toRawJson: (value: unknown) => goJson(value, true),
    toPrettyJson: (value: unknown) => JSON.stringify(JSON.parse(goJson(value, false)), null, 2),
    fromJson: (text: unknown) => fromJson(toText(text), false),
    fromJsonArray: (text: unknown) => fromJson(toText(text), true),
    // Helm's failures: the template stops with the chart's own message
    required: (message: unknown, value: unknown) => {
      if (value === undefined || value === null || value === '') throw new Error(toText(message));
      return value;
    },
    fail: (message: unknown) => {
      throw new Error(toText(message));
    },
    // `helm template` has no cluster to look into: lookup finds nothing.
    lookup: () => ({}),
  }) as [string, TemplateFunction][],
);

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  throw new Error(`Cannot find list on type ${typeOf(value)}`);
}

function asMap(value: unknown): GoMap {
  if (isMap(value)) return value;
  throw new Error(`wrong type for value; expected map[string]interface {}; got ${typeOf(value)}`);
}

function indent(spaces: number, text: string): string {
  const pad = ' '.repeat(Math.max(0, spaces));
  return pad + text.split('\n').join(`\n${pad}`);
}

function trimCutset(text: string, cutset: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && cutset.includes(text[start]!)) start++;
  while (end > start && cutset.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Sprig's substr: a negative start is 0, an end below 0 or past the text is its length. */
function substr(text: string, start: number, end: number): string {
  const from = Math.max(0, start);
  if (end < 0 || end > text.length) return text.slice(from);
  return from > end ? '' : text.slice(from, end);
}

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function splitN(text: string, separator: string, count: number): string[] {
  const parts = text.split(separator);
  if (count <= 0 || parts.length <= count) return count === 0 ? [] : parts;
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join(separator)];
}

function limit<T>(values: T[], count: number): T[] {
  return count < 0 ? values : values.slice(0, count);
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const values: bigint[] = [];
  if (step === 0n) return values;
  for (let value = start; step > 0n ? value < stop : value > stop; value += step) {
    if (values.length === MAX_ITEMS) throw new Error(`more than ${MAX_ITEMS} numbers`);
    values.push(value);
  }
  return values;
}

/** Go's RE2 syntax as JavaScript reads it: (?i) flags at the start, named groups as (?<name>). */
function goRegExp(pattern: unknown, flags = ''): RegExp {
  let source = toText(pattern);
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags += inline[1];
  }
  return new RegExp(source.replace(/\(\?P</g, '(?<'), `${flags}u`);
}

/** Go's replacement template (`$1`, `${1}`, `${name}`) as JavaScript's. */
function goReplacement(replacement: string): string {
  return replacement.replace(/\$\{(\w+)\}|\$(\d+)/g, (_, braced: string | undefined, digits: string | undefined) => (braced ? (/^\d+$/.test(braced) ? `$${braced}` : `$<${braced}>`) : `$${digits}`));
}

function mergeInto(into: GoMap, source: GoMap, overwrite: boolean): GoMap {
  for (const [key, value] of Object.entries(source)) {
    const current = into[key];
    if (isMap(current) && isMap(value)) mergeInto(current, value, overwrite);
    else if (overwrite ? value !== undefined : !Object.hasOwn(into, key) || isEmpty(current)) into[key] = deepCopy(value);
  }
  return into;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') return (typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number') && toFloat(a) === toFloat(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return a === b || (a == null && b == null);
}

function fromJson(text: string, array: boolean): unknown {
  try {
    const value: unknown = JSON.parse(text);
    if (array ? !Array.isArray(value) : !isMap(value)) throw new Error(`expected ${array ? 'an array' : 'an object'}`);
    return value;
  } catch (error) {
    // Helm hands back the error in the value rather than failing.
    const message = error instanceof Error ? error.message : String(error);
    return array ? [message] : { Error: message };
  }
}

function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}

function adler32(bytes: Buffer): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * A Masterminds constraint as node-semver reads one: commas are ANDs, and a partial version with a
 * pre-release (`>=1.21-0`, the common Kubernetes-version guard) is completed (`1.21.0-0`).
 */
function helmConstraint(constraint: string): string {
  return constraint.replace(/,/g, ' ').replace(/(?<![\d.])(\d+)(?:\.(\d+))?(?!\.?\d)(-[0-9A-Za-z.-]+)/g, (_, major: string, minor: string | undefined, pre: string) => `${major}.${minor ?? '0'}.0${pre}`);
}
