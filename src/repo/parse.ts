import { LineCounter, parseAllDocuments, isMap, isScalar, type Document, type Tags } from 'yaml';
import type { KubeObject } from './object.js';
import { locateInDocument } from './locate.js';

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
  spans: DocumentSpan[];
  problems: ParseProblem[];
  /** A Helm/Go template: not parsed, reported as unverified. */
  templated: boolean;
  emptyDocuments: number;
  /** YAML documents that are not Kubernetes objects (Helm values, Taskfiles, CI config…). */
  otherDocuments: number;
  /** Comments that may hold inline suppressions: 1-based line → text after `#` and the `#`'s column. */
  comments: Map<number, { text: string; column: number }>;
  /** 1-based lines that hold YAML content (not blank, not only a comment). */
  contentLines: Set<number>;
}

/** Aliases a document may expand before it is rejected as an alias bomb. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Kubernetes decodes YAML with go-yaml v2 semantics: YAML 1.1 booleans (`on`, `yes`) and octals
 * (`0755`), but timestamps and sexagesimal numbers stay strings. Mirror that so rules see what the
 * API server sees.
 */
function kubernetesTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag === 'string') return tag !== 'timestamp' && tag !== 'intTime' && tag !== 'floatTime';
    if (tag.tag === 'tag:yaml.org,2002:timestamp') return false;
    return !('format' in tag && tag.format === 'TIME');
  });
}

/** Go/Helm template actions, and Jinja blocks (Ansible templates live in homelab repos too). */
const TEMPLATE_ACTION =
  /\{\{-?\s*(?:[.$"(]|if\b|else\b|end\b|range\b|with\b|define\b|include\b|template\b|toYaml\b|tpl\b|default\b|printf\b|-?\}\})|\{%-?\s*(?:if|for|set|else|elif|end\w*|raw|macro|include)\b/;
const CHART_TEMPLATES_DIR = /(^|\/)templates\//;

/** Parses one YAML (or JSON) file into Kubernetes objects with lazily computed positions. */
export function parseFile(file: string, text: string): ParsedFile {
  const parsed: ParsedFile = {
    file,
    objects: [],
    spans: [],
    problems: [],
    templated: false,
    emptyDocuments: 0,
    otherDocuments: 0,
    comments: new Map(),
    contentLines: new Set(),
  };
  const looksTemplated = TEMPLATE_ACTION.test(text);
  if (looksTemplated && CHART_TEMPLATES_DIR.test(file)) {
    parsed.templated = true;
    return parsed;
  }

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    version: '1.1',
    customTags: kubernetesTags,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    // Problems become findings; the library must not print its own warnings to stderr.
    logLevel: 'silent',
  });
  const list = Array.isArray(documents) ? documents : [];
  if (looksTemplated && list.some((document) => document.errors.length > 0)) {
    parsed.templated = true;
    return parsed;
  }

  scanLines(text, parsed);
  for (const [index, document] of list.entries()) {
    readDocument(parsed, document, index, lineCounter, text);
  }
  return parsed;
}

function readDocument(parsed: ParsedFile, document: Document, index: number, lineCounter: LineCounter, text: string): void {
  const position = (offset: number) => lineCounter.linePos(offset);
  if (document.errors.length > 0) {
    // Duplicate keys are each a separate mistake; after the first syntax error the rest are echoes.
    const syntax = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
    for (const error of document.errors.filter((candidate) => candidate.code === 'DUPLICATE_KEY' || candidate === syntax)) {
      const { line, col } = position(error.pos[0]);
      const duplicate = error.code === 'DUPLICATE_KEY';
      parsed.problems.push({
        kind: duplicate ? 'duplicate-key' : 'syntax',
        message: duplicate ? `"${keyAt(text, error.pos[0])}" appears twice in the same mapping` : firstLine(error.message),
        line,
        column: col,
      });
    }
    return;
  }
  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    parsed.emptyDocuments++;
    return;
  }
  let body: unknown;
  try {
    body = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const { line, col } = position(document.contents.range?.[0] ?? 0);
    parsed.problems.push({
      kind: 'alias-limit',
      message: `document expands more than ${MAX_ALIAS_COUNT} aliases (${firstLine(String(error))})`,
      line,
      column: col,
    });
    return;
  }
  const file = parsed.file;
  const makeObject = (value: Record<string, unknown>, basePath: (string | number)[], apiVersion: string, kind: string): KubeObject => {
    const metadata = asRecord(value.metadata);
    const object: KubeObject = {
      apiVersion,
      kind,
      body: value,
      sopsEncrypted: isSopsBlock(value.sops),
      source: {
        file,
        documentIndex: index,
        locate: (path, options) => locateInDocument(document, lineCounter, file, [...basePath, ...path], options?.key ?? false),
      },
    };
    if (typeof metadata?.name === 'string') object.name = metadata.name;
    if (typeof metadata?.namespace === 'string') object.namespace = metadata.namespace;
    return object;
  };

  const record = asRecord(body);
  const range = document.contents.range ?? [0, 0, 0];
  const span = (object: KubeObject) =>
    parsed.spans.push({ object, firstLine: position(range[0]).line, lastLine: position(Math.max(range[0], range[1] - 1)).line });

  if (record && typeof record.apiVersion === 'string' && typeof record.kind === 'string' && isKubernetesApiVersion(record.apiVersion)) {
    if (record.kind === 'List' && Array.isArray(record.items)) {
      for (const [itemIndex, item] of record.items.entries()) {
        const itemRecord = asRecord(item);
        if (itemRecord && typeof itemRecord.apiVersion === 'string' && typeof itemRecord.kind === 'string') {
          const object = makeObject(itemRecord, ['items', itemIndex], itemRecord.apiVersion, itemRecord.kind);
          parsed.objects.push(object);
          span(object);
        }
      }
      return;
    }
    const object = makeObject(record, [], record.apiVersion, record.kind);
    parsed.objects.push(object);
    span(object);
  } else if (record && isKustomizationFile(file) && isMap(document.contents)) {
    // kustomize accepts kustomization.yaml without apiVersion/kind; give it its implied identity.
    const object = makeObject(record, [], 'kustomize.config.k8s.io/v1beta1', 'Kustomization');
    parsed.objects.push(object);
    span(object);
  } else {
    parsed.otherDocuments++;
  }
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
