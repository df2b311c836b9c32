import jsyaml from 'js-yaml';
import { aliasTrouble, mayHoldAliases } from './yaml-aliases.js';
import type { Document, LineCounter, ScalarTag, Tags } from 'yaml';
import { yaml } from '../lazy-packages.js';
import type { KubeObject, NodePath, ObjectSource, Yaml11OnlyBoolean } from './object.js';
import type { Location } from '../report/finding.js';
import { CstLocator } from './locate-cst.js';
import { LineLocator } from './locate-lines.js';
import { locateInDocument } from './locate.js';
import { locateThroughStrings } from './locate-in-string.js';
import { mayHoldYaml11OnlyBooleans, yaml11OnlyBooleans } from './yaml11-booleans.js';
import { isKubernetesFloat, isKubernetesInt, KUBERNETES_YAML_SCHEMA, kubernetesFloat, kubernetesInt } from './yaml11-schema.js';

/** A problem found while parsing one file, at a 1-based position. */
export interface ParseProblem {
  kind: 'syntax' | 'duplicate-key' | 'alias-limit';
  message: string;
  line: number;
  column: number;
}

/** The 1-based line span of one loaded object, used to scope inline suppressions. */
export interface DocumentSpan {
  object: KubeObject;
  firstLine: number;
  lastLine: number;
}

export interface ParsedFile {
  file: string;
  objects: KubeObject[];
  /** Document spans; computed only for files that hold `hctl-ignore` comments. */
  spans: DocumentSpan[];
  problems: ParseProblem[];
  /** A template hctl does not check, reported as unverified: Helm/Go (or Jinja) actions, or `<placeholder>` names. */
  templated: TemplateKind | false;
  /** Why a chart template did not render offline (hctl renders the others and checks what they make). */
  templateProblem?: { message: string; line: number; column: number };
  emptyDocuments: number;
  /** YAML documents that are not Kubernetes objects (Helm values, Taskfiles, CI config…). */
  otherDocuments: number;
  /** Comments of a file that mentions `hctl-ignore`: 1-based line → text after `#` and the `#`'s column. */
  comments: Map<number, { text: string; column: number }>;
  /** 1-based lines that hold YAML content (not blank, not only a comment), for files with `comments`. */
  contentLines: Set<number>;
}

/**
 * `helm`: Go template (or Jinja) actions that do not parse as YAML, or any in a chart's templates/.
 * `placeholders`: YAML whose objects are named `<app-name>` or `backup-<pvc-name>`, a starting point
 * to copy and fill in (no Kubernetes name can hold `<`), so never applied as it is.
 */
export type TemplateKind = 'helm' | 'placeholders';

/** A `<placeholder>` in a name: a template's, since Kubernetes names cannot contain `<` or `>`. */
const PLACEHOLDER = /<[^<>\s]+>/;

/** Aliases a document may expand before it is rejected as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Kubernetes decodes YAML with go-yaml v2 semantics: YAML 1.1 booleans (`on`, `yes`) and octals
 * (`0755`), but timestamps and sexagesimal numbers stay strings. Mirror that so rules see what the
 * API server sees (the fast path's schema, yaml11-schema.ts, resolves scalars the same way).
 */
function kubernetesTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag === 'string') return tag !== 'timestamp' && tag !== 'intTime' && tag !== 'floatTime';
    if (tag.tag === 'tag:yaml.org,2002:timestamp') return false;
    return !('format' in tag && tag.format === 'TIME');
  });
  // YAML 1.1's numbers give way to go-yaml's: floats need a digit (`.` is NaN in YAML 1.1), integers take 0o.
  const replaced = new Set([GO_FLOAT.tag, GO_INT.tag]);
  return [...kept.filter((tag) => (typeof tag === 'string' ? !/^(float|int)/.test(tag) : !replaced.has(tag.tag))), GO_INT, GO_FLOAT];
}

const GO_INT: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  identify: (value) => typeof value === 'number' && Number.isInteger(value),
  test: { test: isKubernetesInt } as unknown as RegExp,
  resolve: kubernetesInt,
};

const GO_FLOAT: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => typeof value === 'number',
  test: { test: isKubernetesFloat } as unknown as RegExp,
  resolve: kubernetesFloat,
};

/** Go/Helm template actions, and Jinja blocks (Ansible templates live in homelab repos too). */
const TEMPLATE_ACTION =
  /\{\{-?\s*(?:[.$"(]|if\b|else\b|end\b|range\b|with\b|define\b|include\b|template\b|toYaml\b|tpl\b|default\b|printf\b|-?\}\})|\{%-?\s*(?:if|for|set|else|elif|end\w*|raw|macro|include)\b/;
const CHART_TEMPLATES_DIR = /(^|\/)templates\//;
/** In a templates/ directory any action counts (`{{ required … }}`, `{{ pool_name }}` parse as YAML flow maps). */
const ANY_ACTION = /\{\{-?\s*(?:[\w.$"(`]|\/\*)/;

/** Whether a file's text holds template actions: any action under templates/, the telling ones elsewhere. */
function holdsTemplateActions(file: string, text: string): boolean {
  if (!mayHoldTemplates(text)) return false;
  return TEMPLATE_ACTION.test(text) || (CHART_TEMPLATES_DIR.test(file) && ANY_ACTION.test(text));
}

/**
 * Parses one YAML (or JSON) file into Kubernetes objects. The fast path (js-yaml) reads values
 * only (`values`, when the check cache had them); source positions come from the file's lines,
 * else its CST, else a full `yaml` parse, made the first time a finding asks for one. Files with
 * problems, custom tags, anchors that may hide an alias bomb, or inline suppressions take the
 * full path directly.
 */
export function parseFile(file: string, text: string, values: unknown[] | null = fastPathValues(file, text), positions?: PositionMemo): ParsedFile {
  // No `hctl-ignore` in the text (those take the full path): no comments to collect. Chart
  // templates have no fast-path values.
  if (values) return parseValues(file, values, textFacts(text), () => text, positions);
  return parseFullPath(file, text).parsed;
}

/**
 * Parses what a chart template rendered to: the YAML Helm would apply, which may hold `{{ }}` of
 * its own (an ApplicationSet's or an ExternalSecret's templates), so it is never taken for a template.
 */
export function parseRenderedFile(file: string, text: string, values = renderedValues(text), positions?: PositionMemo): ParsedFile {
  if (values) return parseValues(file, values, textFacts(text), () => text, positions);
  return parseFullPath(file, text, false).parsed;
}

/** The fast path's values of rendered text; null when it takes the full path (inline suppressions, YAML problems). */
export function renderedValues(text: string): unknown[] | null {
  return text.includes('hctl-ignore') ? null : (fastValues(text) ?? null);
}

/**
 * What the full path made of a file, as plain data the check cache keeps, so files with inline
 * suppressions or YAML problems are not parsed (nor the full parser loaded) on every run.
 */
export interface FullParseRecord {
  /** The documents that hold a value: their place among all documents, value and line span. */
  documents: { index: number; value: unknown; firstLine: number; lastLine: number }[];
  problems: ParseProblem[];
  emptyDocuments: number;
  comments: [number, { text: string; column: number }][];
  contentLines: number[];
}

type FullDocuments = { all: Document[]; lineCounter: LineCounter };

/** The full path: a file parsed with positions; `record` is undefined for a template (nothing to keep). */
export function parseFullPath(file: string, text: string, mayBeTemplate = true): { parsed: ParsedFile; record?: FullParseRecord } {
  const looksTemplated = mayBeTemplate && holdsTemplateActions(file, text);
  if (looksTemplated && CHART_TEMPLATES_DIR.test(file)) return { parsed: emptyParsedFile(file, 'helm') };
  const documents = fullParse(text);
  if (looksTemplated && documents.all.some((document) => document.errors.length > 0)) return { parsed: emptyParsedFile(file, 'helm') };
  const scratch = emptyParsedFile(file);
  if (text.includes('hctl-ignore')) scanLines(text, scratch);
  const record: FullParseRecord = { documents: [], problems: scratch.problems, emptyDocuments: 0, comments: [...scratch.comments], contentLines: [...scratch.contentLines] };
  const { all, lineCounter } = documents;
  for (const [index, document] of all.entries()) {
    const value = readFullDocument(scratch, document, lineCounter, text);
    if (index === all.length - 1) clipLastString(value, unterminatedLastLine(text));
    if (value === undefined) continue;
    const range = document.contents!.range ?? [0, 0, 0];
    record.documents.push({ index, value, firstLine: lineCounter.linePos(range[0]).line, lastLine: lineCounter.linePos(Math.max(range[0], range[1] - 1)).line });
  }
  record.emptyDocuments = scratch.emptyDocuments;
  return { parsed: fromFullParse(file, record, () => documents, () => text), record };
}

/** A file from what the full path made of it; `documents` parses it again, once, when a finding needs a position. */
export function fromFullParse(file: string, record: FullParseRecord, documents: () => FullDocuments, text: () => string): ParsedFile {
  const parsed = emptyParsedFile(file);
  parsed.problems.push(...record.problems);
  parsed.emptyDocuments = record.emptyDocuments;
  for (const [line, comment] of record.comments) parsed.comments.set(line, comment);
  for (const line of record.contentLines) parsed.contentLines.add(line);
  let parsedAgain: FullDocuments | undefined;
  // Files with inline suppressions or YAML problems are few: their text is looked at when asked.
  let yaml11Booleans: boolean | undefined;
  const mayHoldBooleans = () => (yaml11Booleans ??= mayHoldYaml11OnlyBooleans(text()));
  for (const [ordinal, { index, value, firstLine, lastLine }] of record.documents.entries()) {
    const added = addObjects(parsed, value, ordinal, text, mayHoldBooleans, (path, wantKey) => {
      parsedAgain ??= documents();
      const document = parsedAgain.all[index];
      // The file changed or went away since the check cache kept this: its start is all that is left.
      if (!document) return { file, line: 1, column: 1 };
      return locateInDocument(document, parsedAgain.lineCounter, file, path, wantKey);
    });
    for (const object of added) parsed.spans.push({ object, firstLine, lastLine });
  }
  return withPlaceholdersAsTemplate(parsed);
}

/** The full parse of a file, made when first asked for. */
export function fullParseOnDemand(text: () => string): () => FullDocuments {
  let documents: FullDocuments | undefined;
  return () => (documents ??= fullParse(text()));
}

/** What parsing needs to know of a file's text besides its values: a later run that kept both need not read it. */
export interface TextFacts {
  /** The text's last line if no line break ends it (see unterminatedLastLine). */
  lastLine: string | null;
  /** Whether it may hold a YAML-1.1-only boolean (yaml11-booleans.ts); most files do not. */
  yaml11Booleans: boolean;
}

export function textFacts(text: string): TextFacts {
  return { lastLine: unterminatedLastLine(text), yaml11Booleans: mayHoldYaml11OnlyBooleans(text) };
}

/**
 * A fast-parsed file from its values: objects located lazily from its text (read on the first
 * finding that needs a position). The check cache calls it with values and facts it kept.
 */
export function parseValues(file: string, values: readonly unknown[], facts: TextFacts, text: () => string, positions?: PositionMemo): ParsedFile {
  const parsed = emptyParsedFile(file);
  clipLastString(values[values.length - 1], facts.lastLine);
  let full: ReturnType<typeof lazyFullParse> | undefined;
  let lines: LineLocator | undefined;
  let cst: CstLocator | undefined;
  const locate = (documentOrdinal: number, path: NodePath, wantKey: boolean): Location => {
    lines ??= new LineLocator(text());
    const quick = lines.locate(documentOrdinal, file, path, wantKey);
    if (quick) return quick;
    cst ??= new CstLocator(text());
    const found = cst.locate(documentOrdinal, file, path, wantKey);
    if (found) return found;
    full ??= lazyFullParse(text());
    const { documents, lineCounter } = full();
    const document = documents[documentOrdinal];
    // The file changed or went away since the check cache kept its values: its start is all that is left.
    if (!document) return { file, line: 1, column: 1 };
    return locateInDocument(document, lineCounter, file, path, wantKey);
  };
  let ordinal = 0;
  for (const value of values) {
    if (value === null || value === undefined) {
      parsed.emptyDocuments++;
      continue;
    }
    const documentOrdinal = ordinal++;
    addObjects(parsed, value, documentOrdinal, text, facts.yaml11Booleans, (path, wantKey) => {
      if (!positions) return locate(documentOrdinal, path, wantKey);
      const key = `${documentOrdinal} ${wantKey ? 'key' : 'value'} ${JSON.stringify(path)}`;
      const known = positions.get(key);
      if (known) return { file, line: known[0], column: known[1] };
      const location = locate(documentOrdinal, path, wantKey);
      positions.set(key, [location.line, location.column]);
      return location;
    });
  }
  return withPlaceholdersAsTemplate(parsed);
}

/**
 * Positions found in one version of a file (document, key or value, path → line and column),
 * which the check cache keeps: a re-run places the same findings without reading the file.
 */
export interface PositionMemo {
  get(key: string): readonly [number, number] | undefined;
  set(key: string, position: readonly [number, number]): void;
}

/** A file with an object named by a `<placeholder>` is a template to copy, not manifests: unverified as a whole. */
function withPlaceholdersAsTemplate(parsed: ParsedFile): ParsedFile {
  const placeholder = parsed.objects.some((object) => PLACEHOLDER.test(object.name ?? '') || PLACEHOLDER.test(object.namespace ?? ''));
  return placeholder ? emptyParsedFile(parsed.file, 'placeholders') : parsed;
}

/** What parseFile gives for a file with nothing in it; `templated` for a template it does not check. */
export function emptyParsedFile(file: string, templated: TemplateKind | false = false): ParsedFile {
  return { file, objects: [], spans: [], problems: [], templated, emptyDocuments: 0, otherDocuments: 0, comments: new Map(), contentLines: new Set() };
}

/** The cheap test before TEMPLATE_ACTION: every template action opens with `{{` or `{%`. */
function mayHoldTemplates(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/**
 * A block scalar that ends the file without a final line break has no trailing newline for
 * Kubernetes (go-yaml); both JavaScript parsers add one. The text's last line when no line break
 * ends it (else null), to tell whether the file's last value ends in such a scalar (clipLastString).
 */
export function unterminatedLastLine(text: string): string | null {
  return text.endsWith('\n') ? null : text.slice(text.lastIndexOf('\n') + 1);
}

/**
 * Drops the trailing newline of the last string in a file's last value when that string is a
 * block scalar the file's unterminated last line ends: the line, less its indentation, ends the
 * string's last line (a folded scalar joins lines with spaces). Not a quoted string that ends
 * in an escaped `\n`, nor one followed by a comment, a blank line or a document marker: those have
 * their line break.
 */
function clipLastString(value: unknown, lastLine: string | null): void {
  const content = lastLine?.trimStart();
  if (!content) return;
  let holder: Record<string | number, unknown> | undefined;
  let key: string | number | undefined;
  let current = value;
  while (current !== null && typeof current === 'object') {
    const keys = Array.isArray(current) ? current.map((_, index) => index) : Object.keys(current);
    if (keys.length === 0) return;
    holder = current as Record<string | number, unknown>;
    key = keys[keys.length - 1]!;
    current = holder[key];
  }
  if (!holder || key === undefined || typeof current !== 'string' || !current.endsWith('\n')) return;
  const kept = current.slice(0, -1);
  if (kept.slice(kept.lastIndexOf('\n') + 1).trimEnd().endsWith(content.trimEnd())) holder[key] = kept;
}

/**
 * The fast path's values of every document (the costly part of parsing, which the check cache
 * keeps). Null when the file takes the full path: a chart template, inline suppressions (their
 * spans need the full parse), or text the fast parser cannot be trusted with.
 */
export function fastPathValues(file: string, text: string): unknown[] | null {
  if (text.includes('hctl-ignore') || (CHART_TEMPLATES_DIR.test(file) && holdsTemplateActions(file, text))) return null;
  return fastValues(text) ?? null;
}

/** Values of every document, or undefined when the fast parser cannot be trusted with this text. */
function fastValues(text: string): unknown[] | undefined {
  let values: unknown[];
  try {
    values = jsyaml.loadAll(text, undefined, { schema: KUBERNETES_YAML_SCHEMA });
  } catch {
    return undefined; // syntax errors, duplicate keys, custom tags: the full parser explains them
  }
  // An alias bomb would explode later, a value that contains itself never ends: the full path reports both.
  if (mayHoldAliases(text) && values.some((value) => aliasTrouble(value, MAX_ALIAS_COUNT))) return undefined;
  return values;
}

function fullParse(text: string): { all: Document[]; lineCounter: LineCounter } {
  const lineCounter = new (yaml().LineCounter)();
  const documents = yaml().parseAllDocuments(text, {
    version: '1.1',
    customTags: kubernetesTags,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    // Problems become findings; the library must not print its own warnings to stderr.
    logLevel: 'silent',
  });
  return { all: Array.isArray(documents) ? documents : [], lineCounter };
}

/** The full parse of a fast-parsed file, made once, when the first finding needs a position. */
function lazyFullParse(text: string): () => { documents: Document[]; lineCounter: LineCounter } {
  let cached: { documents: Document[]; lineCounter: LineCounter } | undefined;
  return () => {
    if (!cached) {
      const { all, lineCounter } = fullParse(text);
      cached = { documents: all.filter((document) => !isEmpty(document)), lineCounter };
    }
    return cached;
  };
}

function isEmpty(document: Document): boolean {
  return document.contents === null || (yaml().isScalar(document.contents) && document.contents.value === null);
}

/** The document's value, or undefined after recording why it has none (an error or emptiness). */
function readFullDocument(parsed: ParsedFile, document: Document, lineCounter: LineCounter, text: string): unknown {
  const position = (offset: number) => lineCounter.linePos(offset);
  if (document.errors.length > 0) {
    // Duplicate keys are each a separate mistake; after the first syntax error the rest are echoes.
    const syntax = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
    for (const error of document.errors.filter((candidate) => candidate.code === 'DUPLICATE_KEY' || candidate === syntax)) {
      const { line, col } = position(error.pos[0]);
      const duplicate = error.code === 'DUPLICATE_KEY';
      parsed.problems.push({
        kind: duplicate ? 'duplicate-key' : 'syntax',
        message: duplicate ? `"${keyAt(text, error.pos[0])}" appears twice in the same mapping` : syntaxMessage(error.message),
        line,
        column: col,
      });
    }
    return undefined;
  }
  if (isEmpty(document)) {
    parsed.emptyDocuments++;
    return undefined;
  }
  try {
    const value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (mayHoldAliases(text) && aliasTrouble(value, Number.POSITIVE_INFINITY)) {
      const { line, col } = position(document.contents!.range?.[0] ?? 0);
      parsed.problems.push({ kind: 'syntax', message: 'an alias inside the anchor it names makes this value infinite (Kubernetes reads it as "anchor value contains itself")', line, column: col });
      return undefined;
    }
    return value;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const start = document.contents!.range?.[0] ?? 0;
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(firstLine(message));
    if (unresolved) {
      const name = unresolved[1]!;
      const at = text.indexOf(`*${name}`, start);
      const { line, col } = position(at >= 0 ? at : start);
      parsed.problems.push({ kind: 'syntax', message: `alias *${name} names no anchor set before it (Kubernetes reads it as "unknown anchor '${name}' referenced")`, line, column: col });
      return undefined;
    }
    const { line, col } = position(start);
    if (message.startsWith('Excessive alias count')) {
      parsed.problems.push({ kind: 'alias-limit', message: `document expands more than ${MAX_ALIAS_COUNT} aliases`, line, column: col });
    } else {
      parsed.problems.push({ kind: 'syntax', message: syntaxMessage(message), line, column: col });
    }
    return undefined;
  }
}

/** The parser's message, first line only; a stack overflow is told as what it means for the file. */
function syntaxMessage(message: string): string {
  return isTooDeep(message) ? 'collections nested too deeply to read' : firstLine(message);
}

function isTooDeep(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}

type Locate = (path: (string | number)[], wantKey: boolean) => ReturnType<ObjectSource['locate']>;

/** Turns one document's value into objects (a List gives one per item); returns those added. */
/** `text`: the file's text, for positions inside block scalars (locate-in-string.ts). */
function addObjects(parsed: ParsedFile, value: unknown, documentIndex: number, text: () => string, yaml11Booleans: boolean | (() => boolean), locate: Locate): KubeObject[] {
  const file = parsed.file;
  const mayHold = typeof yaml11Booleans === 'function' ? yaml11Booleans : () => yaml11Booleans;
  const makeObject = (body: Record<string, unknown>, basePath: (string | number)[], apiVersion: string, kind: string): KubeObject => {
    const metadata = asRecord(body.metadata);
    const source: ObjectSource = {
      file,
      documentIndex,
      locate: (path, options) => locateThroughStrings(body, path, options?.key ?? false, (at, wantKey) => locate([...basePath, ...at], wantKey), text),
      yaml11OnlyBooleans: () => (booleans ??= mayHold() ? yaml11OnlyBooleans(body, text(), (path) => locate([...basePath, ...path], false)) : []),
    };
    let booleans: readonly Yaml11OnlyBoolean[] | undefined;
    const object: KubeObject = { apiVersion, kind, body, sopsEncrypted: isSopsBlock(body.sops), source };
    if (typeof metadata?.name === 'string') object.name = metadata.name;
    if (typeof metadata?.namespace === 'string') object.namespace = metadata.namespace;
    return object;
  };
  const record = asRecord(value);
  const added: KubeObject[] = [];
  if (!record || !holdsObjects(file, record)) {
    parsed.otherDocuments++;
  } else if (isKubernetesShaped(record)) {
    if (record.kind === 'List' && Array.isArray(record.items)) {
      for (const [itemIndex, item] of record.items.entries()) {
        const itemRecord = asRecord(item);
        if (itemRecord && typeof itemRecord.apiVersion === 'string' && typeof itemRecord.kind === 'string') {
          added.push(makeObject(itemRecord, ['items', itemIndex], itemRecord.apiVersion, itemRecord.kind));
        }
      }
    } else {
      added.push(makeObject(record, [], record.apiVersion, record.kind));
    }
  } else {
    // kustomize accepts kustomization.yaml without apiVersion/kind; give it its implied identity.
    added.push(makeObject(record, [], 'kustomize.config.k8s.io/v1beta1', 'Kustomization'));
  }
  parsed.objects.push(...added);
  return added;
}

/** Whether a document of `file` gives hctl objects: Kubernetes-shaped, or a kustomization file's content. Other tools' documents do not. */
export function holdsObjects(file: string, value: unknown): boolean {
  const record = asRecord(value);
  return record !== undefined && (isKubernetesShaped(record) || isKustomizationFile(file));
}

function isKubernetesShaped(record: Record<string, unknown>): record is Record<string, unknown> & { apiVersion: string; kind: string } {
  return typeof record.apiVersion === 'string' && typeof record.kind === 'string' && isKubernetesApiVersion(record.apiVersion);
}

function scanLines(text: string, parsed: ParsedFile): void {
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber++;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed === '\r') continue;
    if (trimmed.startsWith('#')) {
      parsed.comments.set(lineNumber, { text: trimmed.slice(1), column: line.length - trimmed.length + 1 });
      continue;
    }
    if (trimmed.startsWith('---') || trimmed.startsWith('...')) continue;
    parsed.contentLines.add(lineNumber);
    const hash = line.indexOf(' #');
    if (hash !== -1 && line.includes('hctl-ignore')) parsed.comments.set(lineNumber, { text: line.slice(hash + 2), column: hash + 2 });
  }
}

/**
 * Tools that borrow Kubernetes' apiVersion/kind shape for their own config files, which are never
 * applied to a cluster: Talos machine config (`v1alpha1`), k3d and kind cluster configs. A SOPS
 * document with an encrypted apiVersion cannot be identified either.
 */
const TOOL_CONFIG_GROUPS = new Set(['k3d.io', 'kind.x-k8s.io']);

function isKubernetesApiVersion(apiVersion: string): boolean {
  if (apiVersion.startsWith('ENC[')) return false;
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return apiVersion === 'v1';
  return !TOOL_CONFIG_GROUPS.has(apiVersion.slice(0, slash));
}

const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_FILE.test(file);
}

function isSopsBlock(value: unknown): boolean {
  const sops = asRecord(value);
  return sops !== undefined && ('mac' in sops || 'lastmodified' in sops || 'version' in sops);
}

/** The items of a list as strings; anything that is not a list, none. */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The items of a list; anything that is not a list, none. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The maps of a list (`containers`, `ports`), other entries left out: for reading, not for paths by index. */
export function asRecords(value: unknown): Record<string, unknown>[] {
  return asList(value).flatMap((item) => {
    const record = asRecord(item);
    return record ? [record] : [];
  });
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The key written at `offset` (plain or quoted), for messages. */
function keyAt(text: string, offset: number): string {
  const match = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+)/.exec(text.slice(offset, offset + 200));
  return (match?.[1] ?? '').trim().replace(/^["']|["']$/g, '');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
