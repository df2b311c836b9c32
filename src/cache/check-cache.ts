import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ValidationResult } from '../schema/validator.js';
import type { KubeObject } from '../repo/object.js';
import {
  emptyParsedFile,
  fastPathValues,
  fromFullParse,
  fullParseOnDemand,
  holdsObjects,
  parseFullPath,
  parseRenderedFile,
  parseValues,
  renderedValues,
  textFacts,
  type FullParseRecord,
  type ParsedFile,
  type TextFacts,
  type PositionMemo,
  type TemplateKind,
} from '../repo/parse.js';
import type { FileStamp } from '../repo/read.js';
import type { ChartInputs, ChartMemo, StoredOutput } from '../helm/render-repo-charts.js';
import { GENERATOR_MODULES } from '../schema/validator-cache.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { codeFingerprint, defaultCacheRoot, removeStaleSiblings } from './cache-dir.js';

/** The code whose results this cache keeps (the YAML fast path, everything validation depends on), and the pack's own format. */
const CACHED_CODE = [
  ...GENERATOR_MODULES,
  ...['./check-cache.js', '../repo/parse.js', '../repo/yaml11-schema.js', '../repo/yaml11-booleans.js', '../schema/crd-schemas.js'].map((module) => new URL(module, import.meta.url)),
  // What chart renders depend on.
  ...['render-repo-charts.js', 'render-chart.js', 'chart.js', 'sprig.js', 'yaml-functions.js', 'template/lex.js', 'template/parse.js', 'template/execute.js', 'template/go-values.js', 'template/printf.js'].map((module) => new URL(`../helm/${module}`, import.meta.url)),
];

interface Pack {
  /** sha1 of a file's path and text → its fast-path YAML values as JSON (else V8-serialised), or null: the fast path declined. */
  parsed: Map<string, string | Buffer | null>;
  /** Files the fast path declined (inline suppressions, YAML problems) → what the full path made of them, stored the same way. */
  full: Map<string, string | Buffer>;
  /** `schema key` + its file's key + its place among the file's objects → its validation result. */
  validated: Map<string, ValidationResult>;
  /** Keys of files found to be templates (Helm or Jinja actions, `<placeholder>` names) → which: not parsed again to find out. */
  templated: Map<string, TemplateKind>;
  /** Files by path, as they were when read: one unchanged since is not read again (see `known`). */
  files: Map<string, KnownFile>;
  /** A file's key → positions findings asked for in it (parse.ts PositionMemo): placed again without reading it. */
  positions: Map<string, Map<string, readonly [number, number]>>;
  /** Kubernetes version and chart directory → what rendering its templates read, and what they rendered to. */
  charts: Map<string, { inputs: ChartInputs; outputs: [string, StoredOutput][] }>;
}

interface KnownFile {
  stamp: FileStamp;
  /** The content key of `parsed`/`templated`; null: a JSON file that holds no Kubernetes object. */
  key: string | null;
  /** What parsing needs of the text besides its values (parse.ts TextFacts); null for a file that holds no object. */
  facts: TextFacts | null;
}

/**
 * A file written this recently may be written again within the filesystem's timestamp resolution
 * without its stamp changing (git's "racy" files): it is read again next time, not trusted.
 */
const SETTLED_AFTER_MS = 2000;

const emptyPack = (): Pack => ({ parsed: new Map(), full: new Map(), validated: new Map(), templated: new Map(), files: new Map(), positions: new Map(), charts: new Map() });

let root: string | undefined;

/** Whether checks keep results between runs (the CLI turns it on unless `--no-cache`); `dir` for tests. */
export function useCheckCache(enabled: boolean, dir?: string): void {
  root = enabled ? (dir ?? defaultCacheRoot()) : undefined;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('base64');

/**
 * A file's values as the pack keeps them, serialised now (parseFile may then change them: a final
 * block scalar is clipped). Documents of other tools (Helm values, Taskfiles) become a 0, and empty
 * ones null: parseFile only counts those.
 */
function stored(file: string, values: unknown[]): string | Buffer {
  return encoded(values.map((value) => (value === null || value === undefined ? null : holdsObjects(file, value) ? value : 0)));
}

/** JSON reads back a third faster than V8's format; values JSON cannot hold exactly (NaN, binary) take V8's. */
function encoded(value: unknown): string | Buffer {
  return isJsonExact(value) ? JSON.stringify(value) : serialize(value);
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

function decoded(stored: string | Buffer): unknown {
  return typeof stored === 'string' ? JSON.parse(stored) : deserialize(stored);
}

/** Whether JSON.parse(JSON.stringify(value)) gives back an equal value. */
function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonExact);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isJsonExact((value as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * What an earlier check of the same repository computed that depends only on content: each file's
 * parsed YAML values (for files the fast path declines, what the full path made of them), each
 * document's schema validation and the positions findings asked for, by the file's content hash, as
 * eslint --cache does. A re-run over mostly unchanged files skips parsing and validating them, and even
 * reading those whose stamp (size, times, inode) has not changed since, as eslint's metadata
 * strategy does. One pack file per repository, rewritten with only the entries the run used, so it
 * never grows stale.
 */
export class CheckCache implements ChartMemo {
  private readonly used: Pack = emptyPack();
  private changed = false;
  /** Saved once this run: a later save writes only what changed since. */
  private written = false;
  /** Each object of a parsed file → its file's content key and its place in the file: equal keys, equal bodies. */
  private readonly objectKeys = new WeakMap<KubeObject, string>();

  private constructor(
    private readonly file: string,
    private readonly previous: Pack,
    private readonly now: () => number,
  ) {}

  /** The cache of the repository at `repoRoot`; undefined when caching is off. `now` for tests. */
  static open(repoRoot: string, now: () => number = Date.now): CheckCache | undefined {
    if (!root) return undefined;
    let real = repoRoot;
    try {
      real = realpathSync(repoRoot);
    } catch {
      // the check itself reports a missing directory
    }
    const file = path.join(root, 'checks', codeFingerprint(CACHED_CODE), `${sha1(real).replace(/[/+=]/g, '_')}.bin`);
    let previous = emptyPack();
    try {
      const read = deserialize(readFileSync(file)) as Pack;
      if ([read.parsed, read.full, read.validated, read.templated, read.files, read.positions, read.charts].every((part) => part instanceof Map)) previous = read;
    } catch {
      // no pack yet, or a damaged one: start empty
    }
    return new CheckCache(file, previous, now);
  }

  /**
   * A file whose stamp is the one an earlier run read it with: its parse from the pack, without
   * reading it (`text` reads it, for a finding's position); `not-manifest` for JSON that holds no
   * object. Undefined when it must be read: new, changed, or without a parse in the pack.
   */
  known(file: string, absolute: string, text: () => string): ParsedFile | 'not-manifest' | undefined {
    const entry = this.previous.files.get(file);
    if (!entry) return undefined;
    let stamp: FileStamp;
    try {
      stamp = statSync(absolute);
    } catch {
      return undefined;
    }
    if (!sameStamp(stamp, entry.stamp)) return undefined;
    if (entry.key === null) {
      this.used.files.set(file, entry);
      return 'not-manifest';
    }
    const template = this.previous.templated.get(entry.key);
    const hit = this.previous.parsed.get(entry.key);
    const full = hit === null ? this.previous.full.get(entry.key) : undefined;
    if (!template && hit === undefined) return undefined;
    if (!template && hit === null && full === undefined) return undefined;
    this.used.files.set(file, entry);
    if (template) {
      this.used.templated.set(entry.key, template);
      return emptyParsedFile(file, template);
    }
    this.used.parsed.set(entry.key, hit!);
    if (full !== undefined) {
      this.used.full.set(entry.key, full);
      return this.keyed(fromFullParse(file, decoded(full) as FullParseRecord, fullParseOnDemand(text), text), entry.key);
    }
    return this.keyed(parseValues(file, decoded(hit!) as unknown[], entry.facts!, text, this.positionsIn(entry.key)), entry.key);
  }

  /** Remembers that a JSON file read with `stamp` holds no Kubernetes object. */
  notManifest(file: string, stamp: FileStamp): void {
    this.remember(file, stamp, null, null);
  }

  /** Parses a file, reusing the fast-path values an earlier run kept for the same path and text. */
  parseFile(file: string, text: string, stamp?: FileStamp): ParsedFile {
    // The path is part of the key: chart templates are not parsed.
    const key = sha1(`${file}\0${text}`);
    const facts = textFacts(text);
    if (stamp) this.remember(file, stamp, key, facts);
    const template = this.previous.templated.get(key);
    if (template) {
      this.used.templated.set(key, template);
      return emptyParsedFile(file, template);
    }
    const values = this.values(file, key, () => fastPathValues(file, text));
    const parsed = values === null ? this.parseFullPath(file, key, text) : parseValues(file, values, facts, () => text, this.positionsIn(key));
    if (parsed.templated) {
      this.used.parsed.delete(key);
      this.used.templated.set(key, parsed.templated);
      this.changed = true;
    }
    return this.keyed(parsed, key);
  }

  /** ChartMemo: a chart's template outputs from an earlier run whose every input is unchanged. */
  recallChart(key: string, current: Parameters<ChartMemo['recallChart']>[1]): [string, StoredOutput][] | undefined {
    const entry = this.previous.charts.get(key);
    if (!entry) return undefined;
    const { files, lists, apis } = entry.inputs;
    const unchanged =
      files.every(([file, stamp]) => {
        const now = current.stamp(file);
        return stamp === null ? now === undefined : now !== undefined && sameStamp(now, stamp);
      }) &&
      lists.every(([dir, listing]) => current.list(dir).join('\n') === listing) &&
      apis.every(([version, answer]) => current.has(version) === answer);
    if (!unchanged) return undefined;
    this.used.charts.set(key, entry);
    return entry.outputs;
  }

  /** ChartMemo: keeps a chart's outputs, unless a file it read may still be changing (see SETTLED_AFTER_MS). */
  keepChart(key: string, inputs: ChartInputs, outputs: [string, StoredOutput][]): void {
    if (inputs.files.some(([, stamp]) => stamp !== null && this.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < SETTLED_AFTER_MS)) return;
    this.used.charts.set(key, { inputs, outputs });
    this.changed = true;
  }

  /** ChartMemo: parses what a template rendered, reusing the values an earlier run kept for the same file and text. */
  parseRendered(file: string, text: string): ParsedFile {
    const key = sha1(`rendered\0${file}\0${text}`);
    const values = this.values(file, key, () => renderedValues(text));
    return this.keyed(parseRenderedFile(file, text, values, values ? this.positionsIn(key) : undefined), key);
  }

  /** A file the fast path declined: what the full path made of it, from the pack or made now. */
  private parseFullPath(file: string, key: string, text: string): ParsedFile {
    const hit = this.previous.full.get(key);
    if (hit !== undefined) {
      this.used.full.set(key, hit);
      return fromFullParse(file, decoded(hit) as FullParseRecord, fullParseOnDemand(() => text), () => text);
    }
    const { parsed, record } = parseFullPath(file, text);
    if (record) {
      // Kept before any rule sees the objects, like fast-path values.
      this.used.full.set(key, encoded(record));
      this.changed = true;
    }
    return parsed;
  }

  /** The positions kept for the file with this key, and a place to keep new ones (most files have none). */
  private positionsIn(key: string): PositionMemo {
    const before = this.previous.positions.get(key);
    if (before) this.used.positions.set(key, before);
    return {
      get: (position) => this.used.positions.get(key)?.get(position),
      set: (position, value) => {
        let kept = this.used.positions.get(key);
        if (!kept) this.used.positions.set(key, (kept = new Map()));
        kept.set(position, value);
        this.changed = true;
      },
    };
  }

  /** Another reading of a parsed object (`how`: `kustomize`), made from it alone: its validation is kept beside the object's. */
  keyReading(reading: KubeObject, object: KubeObject, how: string): void {
    const key = this.objectKeys.get(object);
    if (key !== undefined) this.objectKeys.set(reading, `${key} ${how}`);
  }

  private keyed(parsed: ParsedFile, key: string): ParsedFile {
    for (const [index, object] of parsed.objects.entries()) this.objectKeys.set(object, `${key} ${index}`);
    return parsed;
  }

  private remember(file: string, stamp: FileStamp, key: string | null, facts: TextFacts | null): void {
    if (this.now() - Math.max(stamp.mtimeMs, stamp.ctimeMs) < SETTLED_AFTER_MS) return;
    const before = this.previous.files.get(file);
    const same = before?.key === key && sameStamp(stamp, before.stamp);
    this.used.files.set(file, same ? before : { stamp, key, facts });
    if (!same) this.changed = true;
  }

  private values(file: string, key: string, parse: () => unknown[] | null): unknown[] | null {
    const hit = this.previous.parsed.get(key);
    if (hit !== undefined) {
      this.used.parsed.set(key, hit);
      return hit === null ? null : (decoded(hit) as unknown[]);
    }
    const values = parse();
    this.used.parsed.set(key, values === null ? null : stored(file, values));
    this.changed = true;
    return values;
  }

  /**
   * An object's validation against the schema `schemaKey` names: from the pack, else `validate`
   * (remembered). Objects are known by their file's content and place, which fix their bodies:
   * no hashing of each document. Objects not from `parseFile` are simply validated.
   */
  validated(schemaKey: string, object: KubeObject, validate: () => ValidationResult): ValidationResult {
    const objectKey = this.objectKeys.get(object);
    if (objectKey === undefined) return validate();
    const key = `${schemaKey} ${objectKey}`;
    const hit = this.previous.validated.get(key) ?? this.used.validated.get(key);
    if (hit) {
      this.used.validated.set(key, hit);
      return hit;
    }
    const result = validate();
    this.used.validated.set(key, result);
    this.changed = true;
    return result;
  }

  /**
   * Writes the entries this run used, when they differ from what was read (or was last written,
   * if saved before); a cache that cannot be written is skipped.
   */
  save(): void {
    const sameSizes = (['parsed', 'full', 'validated', 'templated', 'files', 'positions', 'charts'] as const).every((part) => this.used[part].size === this.previous[part].size);
    if (!this.changed && (this.written || sameSizes)) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeAtomically(this.file, serialize(this.used));
      removeStaleSiblings(path.dirname(this.file));
      this.changed = false;
      this.written = true;
    } catch {
      // read-only home, full disk: the next run just computes again
    }
  }
}
