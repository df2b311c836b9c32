import { formatValue, goEqual, goLess, isMap, isTrue, toInt, typeOf } from './go-values.js';
import { TemplateSyntaxError } from './lex.js';
import { parseTemplate, type At, type Command, type Node, type Operand, type Pipeline } from './parse.js';
import { sprintf } from './printf.js';

/** A function templates can call; it throws to fail the template (the message becomes "error calling name: …"). */
export type TemplateFunction = (...args: unknown[]) => unknown;

/** Where a rendered line came from: a template line, and whether its text is the template's own. */
export interface LineOrigin {
  line: number;
  column: number;
  /** The line's text starts as it is written in the template (columns carry over). */
  verbatim: boolean;
}

/** A failure while parsing or executing a template, at its position in the named template. */
export class TemplateError extends Error {
  constructor(
    readonly reason: string,
    readonly template: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${template}:${line}:${column}: ${reason}`);
  }
}

/** Rendered text and, per rendered line (0-based), the template line it came from. */
export interface Rendered {
  text: string;
  origins: LineOrigin[];
}

/**
 * What one template may produce and loop over: far beyond any real chart, small enough that a
 * runaway template (`range 1000000000`, a recursive include) fails fast instead of exhausting memory.
 */
export const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;
export const MAX_ITEMS = 1_000_000;

class Output {
  text = '';
  readonly origins: LineOrigin[] = [];
  private atLineStart = true;

  write(text: string, at: At, verbatim: boolean): void {
    if (text === '') return;
    if (this.text.length + text.length > MAX_OUTPUT_CHARS) throw new OutputTooLarge();
    let line = at.line;
    let start = 0;
    for (;;) {
      if (this.atLineStart) {
        this.origins.push({ line, column: verbatim && start > 0 ? 1 : at.column, verbatim });
        this.atLineStart = false;
      }
      const newline = text.indexOf('\n', start);
      if (newline === -1) break;
      this.atLineStart = true;
      start = newline + 1;
      if (verbatim) line++;
      if (start === text.length) break;
    }
    this.text += text;
  }
}

class OutputTooLarge extends Error {}
class BreakSignal {}
class ContinueSignal {}

interface Variable {
  name: string;
  value: unknown;
}

interface State {
  template: string;
  dot: unknown;
  variables: Variable[];
  output: Output;
  depth: number;
}

/** Helm stops an include/template recursion at 1,000 levels; this stops earlier, before the stack does. */
const MAX_DEPTH = 200;

/**
 * A set of named templates (files and their `define`s) that share functions, executed with Go
 * text/template's semantics as Helm configures them: a missing map key is nil, which prints as
 * "<no value>" (Helm then removes those).
 */
export class TemplateSet {
  private readonly templates = new Map<string, { nodes: Node[]; file: string }>();

  constructor(private readonly functions: ReadonlyMap<string, TemplateFunction>) {}

  /** Parses a file and registers it under `name` (and `alias`), with the templates it defines. */
  add(name: string, source: string, alias?: string): void {
    let parsed;
    try {
      parsed = parseTemplate(source);
    } catch (error) {
      if (error instanceof TemplateSyntaxError) throw new TemplateError(error.message, name, error.line, error.column);
      throw error;
    }
    this.templates.set(name, { nodes: parsed.root, file: name });
    if (alias) this.templates.set(alias, { nodes: parsed.root, file: name });
    for (const [defined, nodes] of parsed.defines) this.templates.set(defined, { nodes, file: name });
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  /** Executes the template `name` with `data` as its dot (and `$`). */
  execute(name: string, data: unknown, depth = 0): Rendered {
    const template = this.templates.get(name);
    if (!template) throw new TemplateError(`no template "${name}"`, name, 1, 1);
    if (depth > MAX_DEPTH) throw new TemplateError(`template "${name}" calls itself more than ${MAX_DEPTH} levels deep`, template.file, 1, 1);
    const state: State = { template: template.file, dot: data, variables: [{ name: '$', value: data }], output: new Output(), depth };
    try {
      this.walkList(state, template.nodes);
    } catch (error) {
      if (error instanceof BreakSignal || error instanceof ContinueSignal) throw new TemplateError('break or continue outside range', template.file, 1, 1);
      if (error instanceof OutputTooLarge) throw new TemplateError(`renders more than ${MAX_OUTPUT_CHARS / 1024 / 1024} MB`, template.file, 1, 1);
      throw error;
    }
    return { text: state.output.text, origins: state.output.origins };
  }

  /** Parses and executes text in this set (Helm's `tpl`), named `name` for errors. */
  executeText(name: string, source: string, data: unknown, depth: number): string {
    const scratch = new TemplateSet(this.functions);
    for (const [key, value] of this.templates) scratch.templates.set(key, value);
    scratch.add(name, source);
    return scratch.execute(name, data, depth + 1).text;
  }

  private fail(state: State, at: At, message: string): never {
    throw new TemplateError(message, state.template, at.line, at.column);
  }

  private walkList(state: State, nodes: readonly Node[]): void {
    for (const node of nodes) this.walk(state, node);
  }

  private walk(state: State, node: Node): void {
    switch (node.type) {
      case 'text':
        state.output.write(node.text, node, true);
        return;
      case 'action': {
        const value = this.pipeline(state, node.pipe);
        if (node.pipe.variables.length === 0) state.output.write(printed(value), node, false);
        return;
      }
      case 'if':
      case 'with': {
        const mark = state.variables.length;
        const value = this.pipeline(state, node.pipe);
        if (isTrue(value)) {
          if (node.type === 'with') this.withDot(state, value, () => this.walkList(state, node.list));
          else this.walkList(state, node.list);
        } else if (node.elseList) {
          this.walkList(state, node.elseList);
        }
        state.variables.length = mark;
        return;
      }
      case 'range':
        this.range(state, node);
        return;
      case 'template': {
        const data = node.pipe ? this.pipeline(state, node.pipe) : undefined;
        if (!this.templates.has(node.name)) this.fail(state, node, `template: no template "${node.name}" associated with template "${state.template}"`);
        state.output.write(this.execute(node.name, data, state.depth + 1).text, node, false);
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  private withDot(state: State, dot: unknown, body: () => void): void {
    const saved = state.dot;
    state.dot = dot;
    try {
      body();
    } finally {
      state.dot = saved;
    }
  }

  private range(state: State, node: Extract<Node, { type: 'range' }>): void {
    const mark = state.variables.length;
    const value = this.pipeline(state, { ...node.pipe, variables: [] });
    const entries: [unknown, unknown][] = [];
    if (Array.isArray(value)) value.forEach((item, index) => entries.push([BigInt(index), item]));
    else if (isMap(value))
      for (const key of Object.keys(value).sort()) entries.push([key, value[key]]);
    else if (typeof value === 'bigint') {
      if (value > BigInt(MAX_ITEMS)) this.fail(state, node, `range over ${value} is more than hctl renders (${MAX_ITEMS})`);
      for (let index = 0n; index < value; index++) entries.push([index, index]);
    }
    else if (value !== undefined && value !== null) this.fail(state, node, `range can't iterate over ${formatValue(value)}`);
    const [first, second] = node.pipe.variables;
    for (const [key, item] of entries) {
      if (node.pipe.assign) {
        if (second) {
          this.assign(state, node, first!, key);
          this.assign(state, node, second, item);
        } else if (first) this.assign(state, node, first, item);
      } else if (second) state.variables.push({ name: first!, value: key }, { name: second, value: item });
      else if (first) state.variables.push({ name: first, value: item });
      try {
        this.withDot(state, item, () => this.walkList(state, node.list));
      } catch (signal) {
        if (signal instanceof BreakSignal) break;
        if (!(signal instanceof ContinueSignal)) throw signal;
      } finally {
        state.variables.length = mark;
      }
    }
    if (entries.length === 0 && node.elseList) this.walkList(state, node.elseList);
    state.variables.length = mark;
  }

  private assign(state: State, at: At, name: string, value: unknown): void {
    for (let index = state.variables.length - 1; index >= 0; index--) {
      if (state.variables[index]!.name === name) {
        state.variables[index]!.value = value;
        return;
      }
    }
    this.fail(state, at, `undefined variable: ${name}`);
  }

  private variable(state: State, at: At, name: string): unknown {
    for (let index = state.variables.length - 1; index >= 0; index--) if (state.variables[index]!.name === name) return state.variables[index]!.value;
    return this.fail(state, at, `undefined variable: ${name}`);
  }

  private pipeline(state: State, pipe: Pipeline): unknown {
    let value: unknown;
    let piped = false;
    for (const command of pipe.commands) {
      value = this.command(state, command, piped, value);
      piped = true;
    }
    if (pipe.assign) for (const name of pipe.variables) this.assign(state, pipe.commands[0]!, name, value);
    else for (const name of pipe.variables) state.variables.push({ name, value });
    return value;
  }

  private command(state: State, command: Command, piped: boolean, final: unknown): unknown {
    const [first, ...rest] = command.args as [Operand, ...Operand[]];
    switch (first.type) {
      case 'identifier':
        return this.call(state, first, rest, piped, final);
      case 'field':
      case 'variable':
      case 'chain':
        return this.fieldChain(state, first, rest, piped, final);
      default:
        if (rest.length > 0 || piped) this.fail(state, first, `can't give argument to non-function ${describeOperand(first)}`);
        if (first.type === 'nil') this.fail(state, first, 'nil is not a command');
        return this.operand(state, first);
    }
  }

  /** An operand as an argument: a function name is called without arguments. */
  private operand(state: State, operand: Operand): unknown {
    switch (operand.type) {
      case 'dot':
        return state.dot;
      case 'nil':
        return null;
      case 'literal':
        return operand.value;
      case 'identifier':
        return this.call(state, operand, [], false, undefined);
      default:
        return this.fieldChain(state, operand, [], false, undefined);
    }
  }

  private call(state: State, operand: Extract<Operand, { type: 'identifier' }>, args: Operand[], piped: boolean, final: unknown): unknown {
    const name = operand.name;
    // Go 1.18+: and/or evaluate their arguments only as far as they need.
    if (name === 'and' || name === 'or') {
      const values = args.map((arg) => () => this.operand(state, arg));
      if (piped) values.push(() => final);
      if (values.length === 0) this.fail(state, operand, `wrong number of args for ${name}: want at least 1 got 0`);
      let value: unknown;
      for (const next of values) {
        value = next();
        if (isTrue(value) === (name === 'or')) return value;
      }
      return value;
    }
    const evaluated = args.map((arg) => this.operand(state, arg));
    if (piped) evaluated.push(final);
    if (name === 'include') {
      // Helm's include: a named template rendered to a string, with the caller's depth.
      const [templateName, data] = evaluated;
      if (typeof templateName !== 'string') this.fail(state, operand, `error calling include: template name must be a string`);
      if (!this.templates.has(templateName)) this.fail(state, operand, `error calling include: template: no template "${templateName}" associated with template "${state.template}"`);
      return this.execute(templateName, data, state.depth + 1).text;
    }
    if (name === 'tpl') {
      const [source, data] = evaluated;
      if (typeof source !== 'string') this.fail(state, operand, `error calling tpl: template must be a string, not ${typeOf(source)}`);
      try {
        return this.executeText(`${state.template} (tpl)`, source, data, state.depth);
      } catch (error) {
        if (error instanceof TemplateError) this.fail(state, operand, `error calling tpl: ${error.reason}`);
        throw error;
      }
    }
    const fn = BUILTINS.get(name) ?? this.functions.get(name);
    if (!fn) this.fail(state, operand, `function "${name}" not defined`);
    try {
      return fn(...evaluated);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      this.fail(state, operand, `error calling ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private fieldChain(state: State, operand: Extract<Operand, { type: 'field' | 'variable' | 'chain' }>, args: Operand[], piped: boolean, final: unknown): unknown {
    let receiver: unknown;
    let described: string;
    if (operand.type === 'field') {
      receiver = state.dot;
      described = '';
    } else if (operand.type === 'variable') {
      receiver = this.variable(state, operand, operand.name);
      described = operand.name;
    } else {
      receiver = this.pipeline(state, operand.pipe);
      described = '(…)';
    }
    if (operand.fields.length === 0) {
      if (args.length > 0 || piped) this.fail(state, operand, `can't give argument to non-function ${described}`);
      return receiver;
    }
    for (const [index, field] of operand.fields.entries()) {
      const last = index === operand.fields.length - 1;
      if (receiver === undefined || receiver === null) this.fail(state, operand, `nil pointer evaluating interface {}.${field}`);
      if (!isMap(receiver)) this.fail(state, operand, `can't evaluate field ${field} in type ${typeOf(receiver)}`);
      const value = Object.hasOwn(receiver, field) ? receiver[field] : methodOf(receiver, field);
      if (typeof value === 'function') {
        const evaluated = last ? args.map((arg) => this.operand(state, arg)) : [];
        if (last && piped) evaluated.push(final);
        try {
          receiver = (value as TemplateFunction).apply(receiver, evaluated);
        } catch (error) {
          if (error instanceof TemplateError) throw error;
          this.fail(state, operand, `error calling ${field}: ${error instanceof Error ? error.message : String(error)}`);
        }
      } else {
        if (last && (args.length > 0 || piped)) this.fail(state, operand, `can't give argument to non-function ${described}.${operand.fields.join('.')}`);
        receiver = value;
      }
    }
    return receiver;
  }
}

/** A method of a class instance (Helm's .Files.Get, .Capabilities.APIVersions.Has). */
function methodOf(receiver: object, name: string): unknown {
  if (Object.getPrototypeOf(receiver) === Object.prototype || Object.getPrototypeOf(receiver) === null) return undefined;
  const value = (receiver as Record<string, unknown>)[name];
  return typeof value === 'function' ? value : undefined;
}

function describeOperand(operand: Operand): string {
  if (operand.type === 'literal') return formatValue(operand.value);
  return operand.type;
}

/** What an action prints: "<no value>" for nil, as text/template does. */
function printed(value: unknown): string {
  return value === undefined || value === null ? '<no value>' : formatValue(value);
}

/** text/template's own functions (and, or, include and tpl are handled by the executor). */
const BUILTINS = new Map<string, TemplateFunction>([
  ['not', (value) => !isTrue(value)],
  ['len', (value) => {
    if (typeof value === 'string') return BigInt(Buffer.byteLength(value));
    if (Array.isArray(value)) return BigInt(value.length);
    if (isMap(value)) return BigInt(Object.keys(value).length);
    throw new Error(`len of ${value === undefined || value === null ? 'nil pointer' : `type ${typeOf(value)}`}`);
  }],
  ['index', (collection, ...keys) => {
    let value = collection;
    for (const key of keys) {
      if (value === undefined || value === null) throw new Error('index of untyped nil');
      if (Array.isArray(value)) {
        const position = Number(toInt(key));
        if (typeof key !== 'bigint' && typeof key !== 'number') throw new Error(`cannot index slice/array with type ${typeOf(key)}`);
        if (position < 0 || position >= value.length) throw new Error(`index out of range: ${position}`);
        value = value[position];
      } else if (isMap(value)) {
        if (typeof key !== 'string') throw new Error(`value has type ${typeOf(key)}; should be string`);
        value = Object.hasOwn(value, key) ? value[key] : undefined;
      } else if (typeof value === 'string') {
        const position = Number(toInt(key));
        const bytes = Buffer.from(value, 'utf8');
        if (position < 0 || position >= bytes.length) throw new Error(`index out of range: ${position}`);
        value = BigInt(bytes[position]!);
      } else {
        throw new Error(`can't index item of type ${typeOf(value)}`);
      }
    }
    return value;
  }],
  ['slice', (collection, ...bounds) => {
    const [start, end] = bounds.map((bound) => Number(toInt(bound)));
    if (typeof collection === 'string' || Array.isArray(collection)) return collection.slice(start ?? 0, end);
    throw new Error(`can't slice item of type ${typeOf(collection)}`);
  }],
  ['print', (...args) => goSprint(args)],
  ['println', (...args) => `${args.map(formatValue).join(' ')}\n`],
  ['printf', (format, ...args) => sprintf(String(format ?? ''), args)],
  ['eq', (first, ...others) => {
    if (others.length === 0) throw new Error('missing argument for comparison');
    return others.some((other) => goEqual(first, other));
  }],
  ['ne', (a, b) => !goEqual(a, b)],
  ['lt', (a, b) => goLess(a, b)],
  ['le', (a, b) => goLess(a, b) || goEqual(a, b)],
  ['gt', (a, b) => !goLess(a, b) && !goEqual(a, b)],
  ['ge', (a, b) => !goLess(a, b)],
  ['html', (...args) => goSprint(args).replace(/[&<>"'\0]/g, (char) => HTML_ESCAPES[char]!)],
  ['js', (...args) => goSprint(args).replace(/[\\'"<>&=\n\r\t]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)],
  ['urlquery', (...args) => encodeURIComponent(goSprint(args)).replace(/%20/g, '+')],
  ['call', (fn, ...args) => {
    if (typeof fn !== 'function') throw new Error(`non-function of type ${typeOf(fn)}`);
    return (fn as TemplateFunction)(...args);
  }],
]);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '\0': '\uFFFD' };

/** fmt.Sprint: spaces between operands when neither is a string. */
function goSprint(args: readonly unknown[]): string {
  let out = '';
  args.forEach((arg, index) => {
    if (index > 0 && typeof arg !== 'string' && typeof args[index - 1] !== 'string') out += ' ';
    out += formatValue(arg);
  });
  return out;
}
