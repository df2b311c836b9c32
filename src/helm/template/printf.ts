import { formatFloat, formatValue, typeOf } from './go-values.js';

/** Go's fmt.Sprintf for the verbs templates use: %v %s %q %d %f %e %g %t %x %X %o %c %T %%, with flags, width and precision. */
export function sprintf(format: string, args: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let index = 0;
  while (index < format.length) {
    const percent = format.indexOf('%', index);
    if (percent === -1) {
      out += format.slice(index);
      break;
    }
    out += format.slice(index, percent);
    index = percent + 1;
    let flags = '';
    while (index < format.length && '-+# 0'.includes(format[index]!)) flags += format[index++];
    let width: number | undefined;
    let precision: number | undefined;
    const number = () => {
      if (format[index] === '*') {
        index++;
        const value = args[next++];
        return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? Math.trunc(value) : undefined;
      }
      const start = index;
      while (index < format.length && /[0-9]/.test(format[index]!)) index++;
      return index > start ? Number(format.slice(start, index)) : undefined;
    };
    width = number();
    if (format[index] === '.') {
      index++;
      precision = number() ?? 0;
    }
    const verb = format[index++];
    if (verb === undefined) {
      out += '%!(NOVERB)';
      break;
    }
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (next >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += pad(formatOne(verb, args[next++], flags, precision), width, flags);
  }
  if (next < args.length) out += `%!(EXTRA ${args.slice(next).map((arg) => `${typeOf(arg)}=${formatValue(arg)}`).join(', ')})`;
  return out;
}

function pad(text: string, width: number | undefined, flags: string): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?[0-9]/.test(text)) {
    const sign = /^[-+]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function signed(text: string, flags: string): string {
  if (text.startsWith('-')) return text;
  return flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text;
}

function bad(verb: string, value: unknown): string {
  return `%!${verb}(${typeOf(value)}=${formatValue(value)})`;
}

function formatOne(verb: string, value: unknown, flags: string, precision: number | undefined): string {
  switch (verb) {
    case 'v':
      return typeof value === 'number' || typeof value === 'bigint' ? signed(formatValue(value), flags) : formatValue(value);
    case 's':
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return bad(verb, value);
      return precision === undefined ? formatValue(value) : [...formatValue(value)].slice(0, precision).join('');
    case 'q':
      if (typeof value === 'string') return goQuote(value);
      if (Array.isArray(value)) return `[${value.map((item) => (typeof item === 'string' ? goQuote(item) : formatValue(item))).join(' ')}]`;
      return bad(verb, value);
    case 'd':
      if (typeof value === 'bigint') return signed(value.toString(), flags);
      return bad(verb, value);
    case 'f':
    case 'F':
      if (typeof value === 'number' || typeof value === 'bigint') return signed(Number(value).toFixed(precision ?? 6), flags);
      return bad(verb, value);
    case 'e':
    case 'E': {
      if (typeof value !== 'number' && typeof value !== 'bigint') return bad(verb, value);
      const [mantissa, exponent] = Number(value).toExponential(precision ?? 6).split('e') as [string, string];
      const text = `${mantissa}e${exponent.startsWith('-') ? '-' : '+'}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
      return signed(verb === 'E' ? text.toUpperCase() : text, flags);
    }
    case 'g':
    case 'G':
      if (typeof value !== 'number' && typeof value !== 'bigint') return bad(verb, value);
      return signed(precision === undefined ? formatFloat(Number(value)) : String(Number(Number(value).toPrecision(precision || 1))), flags);
    case 't':
      return typeof value === 'boolean' ? String(value) : bad(verb, value);
    case 'x':
    case 'X': {
      let text: string;
      if (typeof value === 'bigint') text = (value < 0n ? '-' : '') + (value < 0n ? -value : value).toString(16);
      else if (typeof value === 'string') text = Buffer.from(value, 'utf8').toString('hex');
      else return bad(verb, value);
      return verb === 'X' ? text.toUpperCase() : text;
    }
    case 'o':
      return typeof value === 'bigint' ? value.toString(8) : bad(verb, value);
    case 'b':
      return typeof value === 'bigint' ? value.toString(2) : bad(verb, value);
    case 'c':
      return typeof value === 'bigint' ? String.fromCodePoint(Number(value)) : bad(verb, value);
    case 'T':
      return typeOf(value);
    default:
      return `%!${verb}(${typeOf(value)}=${formatValue(value)})`;
  }
}

/** strconv.Quote: a double-quoted Go string literal. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
