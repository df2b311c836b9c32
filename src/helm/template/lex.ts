/**
 * The lexer of Go's text/template (the language of Helm charts): text between actions, and the
 * tokens inside `{{ }}`, with `{{-`/`-}}` trimming and `{{/* comments *\/}}` handled here as Go does.
 */

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'leftParen'
  | 'rightParen'
  | 'space';

export interface Token {
  type: TokenType;
  value: string;
  /** 1-based position of the token's first character in the template. */
  line: number;
  column: number;
}

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);

const SPACE = /[ \t\r\n]/;
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;

/** The tokens of a template; text tokens hold the text as it renders (trimmed where a `-` asks). */
export function lex(source: string): Token[] {
  const tokens: Token[] = [];
  const lineStarts = [0];
  for (let index = 0; index < source.length; index++) if (source.charCodeAt(index) === 10) lineStarts.push(index + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const fail = (message: string, offset: number): never => {
    const { line, column } = position(offset);
    throw new TemplateSyntaxError(message, line, column);
  };

  let offset = 0;
  let trimNextText = false;
  while (offset < source.length) {
    const open = source.indexOf('{{', offset);
    const textEnd = open === -1 ? source.length : open;
    const trimLeft = open !== -1 && source[open + 2] === '-' && SPACE.test(source[open + 3] ?? '');
    let textStart = offset;
    if (trimNextText) while (textStart < textEnd && SPACE.test(source[textStart]!)) textStart++;
    let textStop = textEnd;
    if (trimLeft) while (textStop > textStart && SPACE.test(source[textStop - 1]!)) textStop--;
    if (textStop > textStart) tokens.push({ type: 'text', value: source.slice(textStart, textStop), ...position(textStart) });
    if (open === -1) break;
    trimNextText = false;
    let cursor = open + (trimLeft ? 3 : 2);
    // A comment: {{/* … */}}, the only thing in its action.
    const afterSpace = trimLeft ? cursor + 1 : cursor;
    if (source.startsWith('/*', afterSpace)) {
      const close = source.indexOf('*/', afterSpace + 2);
      if (close === -1) fail('unclosed comment', open);
      let end = close + 2;
      let trimRight = false;
      if (source[end] === ' ' && source[end + 1] === '-' && source.startsWith('}}', end + 2)) {
        trimRight = true;
        end += 2;
      }
      if (!source.startsWith('}}', end)) fail('comment ends before closing delimiter', close);
      offset = end + 2;
      trimNextText = trimRight;
      continue;
    }
    tokens.push({ type: 'leftDelim', value: '{{', ...position(open) });
    let parenDepth = 0;
    for (;;) {
      if (cursor >= source.length) fail('unclosed action', open);
      const char = source[cursor]!;
      // ` -}}` closes with trimming; `}}` closes.
      if (SPACE.test(char)) {
        let end = cursor;
        while (end < source.length && SPACE.test(source[end]!)) end++;
        if (source[end] === '-' && source.startsWith('}}', end + 1)) {
          tokens.push({ type: 'rightDelim', value: '}}', ...position(end + 1) });
          offset = end + 3;
          trimNextText = true;
          break;
        }
        tokens.push({ type: 'space', value: ' ', ...position(cursor) });
        cursor = end;
        continue;
      }
      if (source.startsWith('}}', cursor)) {
        if (parenDepth > 0) fail('unclosed left paren', cursor);
        tokens.push({ type: 'rightDelim', value: '}}', ...position(cursor) });
        offset = cursor + 2;
        break;
      }
      const start = cursor;
      const at = position(start);
      if (char === '|') {
        tokens.push({ type: 'pipe', value: '|', ...at });
        cursor++;
      } else if (char === '(') {
        parenDepth++;
        tokens.push({ type: 'leftParen', value: '(', ...at });
        cursor++;
      } else if (char === ')') {
        if (--parenDepth < 0) fail('unexpected right paren', start);
        tokens.push({ type: 'rightParen', value: ')', ...at });
        cursor++;
      } else if (char === ',') {
        tokens.push({ type: 'comma', value: ',', ...at });
        cursor++;
      } else if (source.startsWith(':=', cursor)) {
        tokens.push({ type: 'declare', value: ':=', ...at });
        cursor += 2;
      } else if (char === '=') {
        tokens.push({ type: 'assign', value: '=', ...at });
        cursor++;
      } else if (char === '"') {
        cursor++;
        while (cursor < source.length && source[cursor] !== '"') {
          if (source[cursor] === '\\') cursor++;
          if (source[cursor] === '\n') fail('unterminated quoted string', start);
          cursor++;
        }
        if (cursor >= source.length) fail('unterminated quoted string', start);
        cursor++;
        tokens.push({ type: 'string', value: source.slice(start, cursor), ...at });
      } else if (char === '`') {
        const close = source.indexOf('`', cursor + 1);
        if (close === -1) fail('unterminated raw quoted string', start);
        cursor = close + 1;
        tokens.push({ type: 'rawString', value: source.slice(start + 1, close), ...at });
      } else if (char === "'") {
        cursor++;
        while (cursor < source.length && source[cursor] !== "'") {
          if (source[cursor] === '\\') cursor++;
          cursor++;
        }
        cursor++;
        tokens.push({ type: 'char', value: source.slice(start, cursor), ...at });
      } else if (char === '$') {
        cursor++;
        while (cursor < source.length && IDENTIFIER_PART.test(source[cursor]!)) cursor++;
        tokens.push({ type: 'variable', value: source.slice(start, cursor), ...at });
      } else if (char === '.') {
        const next = source[cursor + 1] ?? '';
        if (/[0-9]/.test(next)) {
          cursor = scanNumber(source, cursor);
          tokens.push({ type: 'number', value: source.slice(start, cursor), ...at });
        } else if (IDENTIFIER_START.test(next)) {
          cursor++;
          while (cursor < source.length && IDENTIFIER_PART.test(source[cursor]!)) cursor++;
          tokens.push({ type: 'field', value: source.slice(start, cursor), ...at });
        } else {
          tokens.push({ type: 'dot', value: '.', ...at });
          cursor++;
        }
      } else if (/[0-9]/.test(char) || ((char === '-' || char === '+') && /[0-9.]/.test(source[cursor + 1] ?? ''))) {
        cursor = scanNumber(source, cursor);
        tokens.push({ type: 'number', value: source.slice(start, cursor), ...at });
      } else if (IDENTIFIER_START.test(char)) {
        while (cursor < source.length && IDENTIFIER_PART.test(source[cursor]!)) cursor++;
        const word = source.slice(start, cursor);
        const type: TokenType = KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier';
        tokens.push({ type, value: word, ...at });
      } else {
        fail(`unexpected ${JSON.stringify(char)} in action`, start);
      }
    }
  }
  return tokens;
}

function scanNumber(source: string, start: number): number {
  let cursor = start;
  if (source[cursor] === '-' || source[cursor] === '+') cursor++;
  if (source[cursor] === '0' && /[xXoObB]/.test(source[cursor + 1] ?? '')) {
    cursor += 2;
    while (cursor < source.length && /[0-9a-fA-F_]/.test(source[cursor]!)) cursor++;
    return cursor;
  }
  while (cursor < source.length && /[0-9_]/.test(source[cursor]!)) cursor++;
  if (source[cursor] === '.') {
    cursor++;
    while (cursor < source.length && /[0-9_]/.test(source[cursor]!)) cursor++;
  }
  if (/[eE]/.test(source[cursor] ?? '')) {
    cursor++;
    if (source[cursor] === '-' || source[cursor] === '+') cursor++;
    while (cursor < source.length && /[0-9]/.test(source[cursor]!)) cursor++;
  }
  return cursor;
}
