import { lex, TemplateSyntaxError, type Token } from './lex.js';

/** Where a node starts in its template (1-based). */
export interface At {
  line: number;
  column: number;
}

export type Node =
  | ({ type: 'text'; text: string } & At)
  | ({ type: 'action'; pipe: Pipeline } & At)
  | ({ type: 'if' | 'with'; pipe: Pipeline; list: Node[]; elseList?: Node[] } & At)
  | ({ type: 'range'; pipe: Pipeline; list: Node[]; elseList?: Node[] } & At)
  | ({ type: 'template'; name: string; pipe?: Pipeline } & At)
  | ({ type: 'break' | 'continue' } & At);

export interface Pipeline {
  /** Variables declared (`$x :=`, `$i, $v :=`) or assigned (`$x =`) by the pipeline. */
  variables: string[];
  assign: boolean;
  commands: Command[];
}

export type Command = { args: Operand[] } & At;

export type Operand =
  | ({ type: 'field'; fields: string[] } & At)
  | ({ type: 'variable'; name: string; fields: string[] } & At)
  | ({ type: 'chain'; pipe: Pipeline; fields: string[] } & At)
  | ({ type: 'identifier'; name: string } & At)
  | ({ type: 'dot' } & At)
  | ({ type: 'nil' } & At)
  | ({ type: 'literal'; value: unknown } & At);

/** A parsed template file: its output nodes, and the templates it defines (`define`, `block`). */
export interface ParsedTemplate {
  root: Node[];
  defines: Map<string, Node[]>;
}

/** Parses a template, as Go's text/template/parse does; throws TemplateSyntaxError with a position. */
export function parseTemplate(source: string): ParsedTemplate {
  return new Parser(lex(source)).parse();
}

class Parser {
  private index = 0;
  private readonly defines = new Map<string, Node[]>();
  private rangeDepth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): ParsedTemplate {
    const { list, end } = this.list(true);
    if (end) this.fail(`unexpected {{${end.value}}}`, end);
    return { root: list, defines: this.defines };
  }

  private fail(message: string, at: At): never {
    throw new TemplateSyntaxError(message, at.line, at.column);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index++];
    if (!token) this.fail('unexpected end of template', this.tokens[this.tokens.length - 1] ?? { line: 1, column: 1 });
    return token;
  }

  /** The next token that is not a space. */
  private nextNonSpace(): Token {
    let token = this.next();
    while (token.type === 'space') token = this.next();
    return token;
  }

  private peekNonSpace(): Token | undefined {
    let cursor = this.index;
    while (this.tokens[cursor]?.type === 'space') cursor++;
    return this.tokens[cursor];
  }

  /**
   * Nodes up to `{{end}}` or `{{else…}}`, which is returned as `end` (its keyword token) with the
   * parser just after the keyword. At the top level the list ends with the template.
   */
  private list(topLevel = false): { list: Node[]; end?: Token } {
    const list: Node[] = [];
    while (this.index < this.tokens.length) {
      const token = this.next();
      if (token.type === 'text') {
        list.push({ type: 'text', text: token.value, line: token.line, column: token.column });
        continue;
      }
      // leftDelim
      const first = this.peekNonSpace();
      if (first?.type === 'keyword') {
        this.nextNonSpace();
        switch (first.value) {
          case 'end':
          case 'else':
            if (topLevel) this.fail(`unexpected {{${first.value}}}`, first);
            return { list, end: first };
          case 'if':
          case 'with':
            list.push(this.conditional(first.value, token));
            continue;
          case 'range':
            list.push(this.range(token));
            continue;
          case 'define':
            this.define(token);
            continue;
          case 'block':
          case 'template':
            list.push(this.templateCall(first.value, token));
            continue;
          case 'break':
          case 'continue':
            if (this.rangeDepth === 0) this.fail(`{{${first.value}}} outside {{range}}`, first);
            this.expectClose();
            list.push({ type: first.value, line: token.line, column: token.column });
            continue;
        }
      }
      list.push({ type: 'action', pipe: this.pipeline('command'), line: token.line, column: token.column });
    }
    if (!topLevel) this.fail('unexpected EOF: missing {{end}}', this.tokens[this.tokens.length - 1] ?? { line: 1, column: 1 });
    return { list };
  }

  private expectClose(): void {
    const token = this.nextNonSpace();
    if (token.type !== 'rightDelim') this.fail(`unexpected ${describe(token)}, expected }}`, token);
  }

  /** if/with: `{{if p}} … {{else if p}} … {{else}} … {{end}}`. */
  private conditional(kind: 'if' | 'with', open: At): Node {
    const pipe = this.pipeline(kind);
    const { list, end } = this.list();
    const node: Node = { type: kind, pipe, list, line: open.line, column: open.column };
    if (end!.value === 'else') {
      const chained = this.peekNonSpace();
      if (chained?.type === 'keyword' && chained.value === kind) {
        // `{{else if …}}` is `{{else}}{{if …}}…{{end}}{{end}}` sharing the outer end.
        this.nextNonSpace();
        node.elseList = [this.conditional(kind, chained)];
        return node;
      }
      this.expectClose();
      const rest = this.list();
      if (rest.end!.value !== 'end') this.fail('expected {{end}}', rest.end!);
      this.expectClose();
      node.elseList = rest.list;
      return node;
    }
    this.expectClose();
    return node;
  }

  private range(open: At): Node {
    const pipe = this.pipeline('range');
    this.rangeDepth++;
    const { list, end } = this.list();
    this.rangeDepth--;
    const node: Node = { type: 'range', pipe, list, line: open.line, column: open.column };
    this.expectClose();
    if (end!.value === 'else') {
      const rest = this.list();
      if (rest.end!.value !== 'end') this.fail('expected {{end}}', rest.end!);
      this.expectClose();
      node.elseList = rest.list;
    }
    return node;
  }

  private templateName(): string {
    const token = this.nextNonSpace();
    if (token.type === 'string') return unquote(token);
    if (token.type === 'rawString') return token.value;
    return this.fail(`unexpected ${describe(token)} in template clause`, token);
  }

  private define(open: At): void {
    const name = this.templateName();
    this.expectClose();
    const { list, end } = this.list();
    if (end!.value !== 'end') this.fail('unexpected {{else}} in define', end!);
    this.expectClose();
    this.defines.set(name, list);
    void open;
  }

  /** `{{template "name" pipeline}}`, or `{{block "name" pipeline}} default {{end}}`. */
  private templateCall(kind: string, open: At): Node {
    const name = this.templateName();
    const after = this.peekNonSpace();
    const pipe = after?.type === 'rightDelim' ? (this.nextNonSpace(), undefined) : this.pipeline('template');
    if (kind === 'block') {
      const { list, end } = this.list();
      if (end!.value !== 'end') this.fail('unexpected {{else}} in block', end!);
      this.expectClose();
      this.defines.set(name, list);
    }
    return { type: 'template', name, pipe, line: open.line, column: open.column };
  }

  /** A pipeline up to and including the closing `}}` (or `)` inside parentheses, not consumed). */
  private pipeline(context: string, inParens = false): Pipeline {
    const pipe: Pipeline = { variables: [], assign: false, commands: [] };
    // Declarations: `$x :=`, `$x =`, `$i, $v :=` (range).
    const save = this.index;
    const first = this.peekNonSpace();
    if (first?.type === 'variable') {
      this.nextNonSpace();
      const after = this.peekNonSpace();
      if (after?.type === 'declare' || after?.type === 'assign') {
        this.nextNonSpace();
        pipe.variables.push(first.value);
        pipe.assign = after.type === 'assign';
      } else if (after?.type === 'comma' && context === 'range') {
        this.nextNonSpace();
        const second = this.nextNonSpace();
        if (second.type !== 'variable') this.fail('range can only initialize variables', second);
        const declare = this.nextNonSpace();
        if (declare.type !== 'declare' && declare.type !== 'assign') this.fail('expected := in range', declare);
        pipe.variables.push(first.value, second.value);
        pipe.assign = declare.type === 'assign';
      } else {
        this.index = save;
      }
    }
    for (;;) {
      const token = this.peekNonSpace();
      if (!token) this.fail('unclosed action', first ?? { line: 1, column: 1 });
      if (token.type === 'rightDelim' || (inParens && token.type === 'rightParen')) {
        if (!inParens) this.nextNonSpace();
        if (pipe.commands.length === 0) this.fail(`missing value for ${context}`, token);
        return pipe;
      }
      pipe.commands.push(this.command(inParens));
      const separator = this.peekNonSpace();
      if (separator?.type === 'pipe') this.nextNonSpace();
      else if (separator?.type !== 'rightDelim' && !(inParens && separator?.type === 'rightParen')) this.fail(`unexpected ${separator ? describe(separator) : 'end'} in operand`, separator ?? token);
    }
  }

  private command(inParens: boolean): Command {
    const start = this.peekNonSpace()!;
    const args: Operand[] = [];
    for (;;) {
      const token = this.peekNonSpace();
      if (!token || token.type === 'pipe' || token.type === 'rightDelim' || (inParens && token.type === 'rightParen')) break;
      args.push(this.operand());
    }
    if (args.length === 0) this.fail('empty command', start);
    return { args, line: start.line, column: start.column };
  }

  private operand(): Operand {
    const token = this.nextNonSpace();
    const at = { line: token.line, column: token.column };
    let operand: Operand;
    switch (token.type) {
      case 'field':
        operand = { type: 'field', fields: token.value.slice(1).split('.'), ...at };
        break;
      case 'variable':
        operand = { type: 'variable', name: token.value, fields: [], ...at };
        break;
      case 'dot':
        operand = { type: 'dot', ...at };
        break;
      case 'identifier':
        operand = { type: 'identifier', name: token.value, ...at };
        break;
      case 'nil':
        operand = { type: 'nil', ...at };
        break;
      case 'bool':
        operand = { type: 'literal', value: token.value === 'true', ...at };
        break;
      case 'string':
        operand = { type: 'literal', value: unquote(token), ...at };
        break;
      case 'rawString':
        operand = { type: 'literal', value: token.value, ...at };
        break;
      case 'char':
        operand = { type: 'literal', value: BigInt(unquote({ ...token, value: `"${token.value.slice(1, -1)}"` }).codePointAt(0) ?? 0), ...at };
        break;
      case 'number':
        operand = { type: 'literal', value: parseNumber(token), ...at };
        break;
      case 'leftParen': {
        const pipe = this.pipeline('parenthesized pipeline', true);
        const close = this.nextNonSpace();
        if (close.type !== 'rightParen') this.fail('unclosed left paren', token);
        operand = { type: 'chain', pipe, fields: [], ...at };
        break;
      }
      default:
        return this.fail(`unexpected ${describe(token)} in operand`, token);
    }
    // Field chains directly after a term: `$x.a.b`, `(pipe).a`.
    while (this.peek()?.type === 'field') {
      const field = this.next();
      const fields = field.value.slice(1).split('.');
      if (operand.type === 'variable' || operand.type === 'chain' || operand.type === 'field') operand.fields.push(...fields);
      else this.fail(`unexpected ${field.value} after ${describe(token)}`, field);
    }
    return operand;
  }
}

function describe(token: Token): string {
  return token.type === 'rightDelim' ? '"}}"' : `"${token.value}"`;
}

/** A Go interpreted string literal's value. */
function unquote(token: Token): string {
  const body = token.value.slice(1, -1);
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, escape: string) => {
    switch (escape[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'x':
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(escape.slice(1), 16));
      default:
        if (/^[0-7]{3}$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
        if (escape === '\\' || escape === '"' || escape === "'") return escape;
        throw new TemplateSyntaxError(`invalid escape \\${escape} in string`, token.line, token.column);
    }
  });
}

/** Integers are Go ints (bigint here, so they print and divide as Go's do); the rest float64. */
function parseNumber(token: Token): bigint | number {
  const text = token.value.replace(/_/g, '');
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[-+]/, '');
  if (/^0[xX][0-9a-fA-F]+$|^0[bB][01]+$|^0[oO][0-7]+$|^[0-9]+$/.test(unsigned)) {
    const octal = /^0[0-7]+$/.test(unsigned) ? BigInt(`0o${unsigned.slice(1)}`) : BigInt(unsigned);
    return negative ? -octal : octal;
  }
  const value = Number(text);
  if (Number.isNaN(value)) throw new TemplateSyntaxError(`bad number syntax: "${token.value}"`, token.line, token.column);
  return value;
}
