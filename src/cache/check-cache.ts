import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ValidationResult } from '../schema/validator.js';
import { GENERATOR_MODULES } from '../schema/validator-cache.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { codeFingerprint, defaultCacheRoot, removeStaleSiblings } from './cache-dir.js';

/** The code whose results this cache keeps: the YAML fast path, and everything validation depends on. */
const CACHED_CODE = [...GENERATOR_MODULES, new URL('../repo/parse.js', import.meta.url), new URL('../repo/yaml11-schema.js', import.meta.url), new URL('../schema/crd-schemas.js', import.meta.url)];

interface Pack {
  /** sha1 of a file's path and text → its fast-path YAML values (V8-serialized), or null: the fast path declined. */
  parsed: Map<string, Buffer | null>;
  /** `schema key` + sha1 of the document → its validation result. */
  validated: Map<string, ValidationResult>;
}

let root: string | undefined;

/** Whether checks keep results between runs (the CLI turns it on unless `--no-cache`); `dir` for tests. */
export function useCheckCache(enabled: boolean, dir?: string): void {
  root = enabled ? (dir ?? defaultCacheRoot()) : undefined;
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('base64');

/**
 * A document's content as text, the same however its strings are held in memory (V8's own
 * serialisation is not: a string cut from a text with non-Latin-1 characters serialises
 * differently from an equal one read back from the cache). NaN and ±Infinity stay distinct.
 */
function canonical(body: unknown): string {
  return JSON.stringify(body, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? { '\u0000number': String(value) } : value));
}

/**
 * What an earlier check of the same repository computed that depends only on content: each file's
 * parsed YAML values and each document's schema validation, by content hash, as eslint --cache
 * does. A re-run over mostly unchanged files skips parsing and validating them. One pack file per
 * repository, rewritten with only the entries the run used, so it never grows stale.
 */
export class CheckCache {
  private readonly used: Pack = { parsed: new Map(), validated: new Map() };
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly previous: Pack,
  ) {}

  /** The cache of the repository at `repoRoot`; undefined when caching is off. */
  static open(repoRoot: string): CheckCache | undefined {
    if (!root) return undefined;
    let real = repoRoot;
    try {
      real = realpathSync(repoRoot);
    } catch {
      // the check itself reports a missing directory
    }
    const file = path.join(root, 'checks', codeFingerprint(CACHED_CODE), `${sha1(real).replace(/[/+=]/g, '_')}.bin`);
    let previous: Pack = { parsed: new Map(), validated: new Map() };
    try {
      const read = deserialize(readFileSync(file)) as Pack;
      if (read.parsed instanceof Map && read.validated instanceof Map) previous = read;
    } catch {
      // no pack yet, or a damaged one: start empty
    }
    return new CheckCache(file, previous);
  }

  /** Parsed values of a file: from the pack, else `parse` (remembered). The path is part of the key (chart templates are not parsed). */
  parsed(file: string, text: string, parse: () => unknown[] | null): unknown[] | null {
    const key = sha1(`${file}\0${text}`);
    const hit = this.previous.parsed.get(key);
    if (hit !== undefined) {
      this.used.parsed.set(key, hit);
      return hit === null ? null : (deserialize(hit) as unknown[]);
    }
    const values = parse();
    // Serialised now: the caller may change the values (a final block scalar is clipped).
    this.used.parsed.set(key, values === null ? null : serialize(values));
    this.changed = true;
    return values;
  }

  /** A document's validation against the schema `schemaKey` names: from the pack, else `validate` (remembered). */
  validated(schemaKey: string, body: unknown, validate: () => ValidationResult): ValidationResult {
    const key = `${schemaKey} ${sha1(canonical(body))}`;
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

  /** Writes the entries this run used, when they differ from what was read; a cache that cannot be written is skipped. */
  save(): void {
    if (!this.changed && this.used.parsed.size === this.previous.parsed.size && this.used.validated.size === this.previous.validated.size) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeAtomically(this.file, serialize(this.used));
      removeStaleSiblings(path.dirname(this.file));
    } catch {
      // read-only home, full disk: the next run just computes again
    }
  }
}
