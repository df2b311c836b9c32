/**
 * Flux's postBuild substitution language (fluxcd/pkg/envsubst, a fork of drone/envsubst) over one
 * string: `${var}`, defaults (`${var:=x}`, `${var:-${other}}`: every default operator takes the
 * default when the value is empty or unset), case (`^ ^^ , ,,`), length (`${#var}`), substrings
 * (`${var:1:2}`), trims (`# ## % %%`, glob patterns), replaces (`/ // /# /%`), and `$$` for a
 * literal `$`. A bare `$var` is text. `lookup` answers undefined for a variable hctl has no value
 * for (it may live in a Secret): its expression stays as written unless it supplies a default, and
 * `missing` hears its name.
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined, missing?: (name: string) => void): string {
  let out = '';
  let at = 0;
  while (at < text.length) {
    const dollar = text.indexOf('$', at);
    if (dollar === -1) return out + text.slice(at);
    out += text.slice(at, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      at = dollar + 2;
    } else if (next === '{') {
      const end = closingBrace(text, dollar + 2);
      if (end === -1) return out + text.slice(dollar);
      out += evaluate(text.slice(dollar + 2, end), text.slice(dollar, end + 1), lookup, missing);
      at = end + 1;
    } else {
      out += '$';
      at = dollar + 1;
    }
  }
  return out;
}

/** Operators longest first, so `:=` is not read as `:`. */
const OPERATORS = ['^^', '^', ',,', ',', ':=', ':-', ':?', ':+', '##', '#', '%%', '%', '//', '/#', '/%', '/', '=', '-', '+', '?', ':'];
const DEFAULT_OPERATORS = new Set(['=', ':=', ':-', ':?', ':+', '-', '+', '?']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

function evaluate(inner: string, whole: string, lookup: (name: string) => string | undefined, missing?: (name: string) => void): string {
  const unknown = (name: string) => {
    missing?.(name);
    return whole;
  };
  if (inner.startsWith('#') && NAME.exec(inner.slice(1))?.[0] === inner.slice(1)) {
    const value = lookup(inner.slice(1));
    return value === undefined ? unknown(inner.slice(1)) : String(value.length);
  }
  const name = NAME.exec(inner)?.[0];
  if (!name) return whole;
  const rest = inner.slice(name.length);
  const value = lookup(name);
  if (rest === '') return value ?? unknown(name);
  const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (!operator) return whole;
  const argument = rest.slice(operator.length);
  const expand = (part: string) => expandVariables(part, lookup, missing);
  if (DEFAULT_OPERATORS.has(operator)) return value !== undefined && value !== '' ? value : expand(argument);
  if (value === undefined) return unknown(name);
  switch (operator) {
    case '^':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case '^^':
      return value.toUpperCase();
    case ',':
      return value.charAt(0).toLowerCase() + value.slice(1);
    case ',,':
      return value.toLowerCase();
    case ':':
      return substring(value, splitTopLevel(argument, ':').map(expand));
    case '#':
    case '##':
    case '%':
    case '%%':
      return trim(value, expand(argument), operator);
    default: {
      const [pattern = '', replacement = ''] = splitTopLevel(argument, '/', true).map(expand);
      if (operator === '/#') return value.startsWith(pattern) ? replacement + value.slice(pattern.length) : value;
      if (operator === '/%') return value.endsWith(pattern) ? value.slice(0, value.length - pattern.length) + replacement : value;
      return operator === '//' ? value.split(pattern).join(replacement) : value.replace(pattern, () => replacement);
    }
  }
}

/** The `}` closing an expression opened before `from`, past nested `${…}`. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let index = from; index < text.length; index++) {
    if (text[index] === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (text[index] === '}') {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}

/** Splits on `separator` outside nested expressions; with `escapes`, `\/` is a literal slash (replace patterns). Only the first separator splits. */
function splitTopLevel(text: string, separator: string, escapes = false): string[] {
  let depth = 0;
  let current = '';
  const parts: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (escapes && char === '\\' && text[index + 1] === separator) {
      current += separator;
      index++;
      continue;
    }
    if (char === '$' && text[index + 1] === '{') depth++;
    else if (char === '}' && depth > 0) depth--;
    if (char === separator && depth === 0 && parts.length === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  return [...parts, current];
}

/** Bash's `${var:position:length}`, as envsubst's toSubstr computes it. */
function substring(value: string, args: string[]): string {
  const position = Number.parseInt(args[0] ?? '', 10);
  if (Number.isNaN(position)) return value;
  const start = position < 0 ? Math.max(0, value.length + position) : position;
  if (args.length < 2) return start < value.length ? value.slice(start) : '';
  const length = Number.parseInt(args[1]!, 10);
  if (Number.isNaN(length)) return value;
  if (length < 0) return value.length + length < start ? '' : value.slice(start, value.length + length);
  return value.slice(start, start + length);
}

/** `#`/`##` trim the shortest/longest prefix matching a glob, `%`/`%%` the suffix. */
function trim(value: string, pattern: string, operator: '#' | '##' | '%' | '%%'): string {
  const glob = globToRegExp(pattern);
  if (!glob) return value;
  const lengths = Array.from({ length: value.length + 1 }, (_, index) => index);
  const ordered = operator === '#' || operator === '%' ? lengths : lengths.reverse();
  for (const length of ordered) {
    if (length === 0) continue;
    const part = operator.startsWith('#') ? value.slice(0, length) : value.slice(value.length - length);
    if (glob.test(part)) return operator.startsWith('#') ? value.slice(length) : value.slice(0, value.length - length);
  }
  return value;
}

/** Go's path.Match: `*` is any run of non-`/` characters, `?` one, `[…]` a class, `\` escapes. Undefined for a malformed pattern. */
function globToRegExp(pattern: string): RegExp | undefined {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '\\' && index + 1 < pattern.length) source += escapeRegExp(pattern[++index]!);
    else if (char === '[') {
      const end = pattern.indexOf(']', index + 2);
      if (end === -1) return undefined;
      const body = pattern.slice(index + 1, end);
      source += `[${body.startsWith('^') ? `^${body.slice(1)}` : body}]`;
      index = end;
    } else source += escapeRegExp(char);
  }
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    return undefined;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
