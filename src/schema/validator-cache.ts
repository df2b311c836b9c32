import { createHash } from 'node:crypto';
import { codeFingerprint, defaultCacheRoot, removeStaleSiblings } from '../cache/cache-dir.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { mkdirSync, readFileSync } from 'node:fs';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { celCheck, celSelfOf } from './cel.js';
import { kubernetesFormats } from './formats.js';

const require = createRequire(import.meta.url);

/** What generated validator code may import: ajv's runtime helpers, and hctl's formats and CEL. */
function moduleFor(id: string): unknown {
  if (id === 'hctl:formats') return kubernetesFormats();
  if (id === 'hctl:cel') return { celCheck, celSelfOf };
  return require(id);
}

/**
 * The code whose behaviour is baked into generated validators: a change to any invalidates the
 * cache. In the bundled CLI (dist/bundle/hctl.cjs) the module names are not files; this module's own
 * URL is then the bundle, which holds them all.
 */
export const GENERATOR_MODULES = [
  new URL(import.meta.url),
  ...['validator.js', 'formats.js', 'cel.js', 'cel-has-rewrite.js', 'cel-self.js', 'cel-keyword.js', 'transform.js', '../../schemas/index.json', '../../package.json'].map((file) => new URL(file, import.meta.url)),
];

/**
 * Compiled validators, kept on disk as ajv standalone code between runs, with V8's code cache of
 * each: compiling a large schema costs ten times what loading its code does, and most runs check
 * the same kinds again. Lives in $HCTL_CACHE_DIR, else $XDG_CACHE_HOME/hctl, else ~/.cache/hctl
 * (tens of MB for a few hundred kinds); a cache that cannot be written is simply not used.
 */
export class ValidatorCache {
  private readonly dir: string;
  private writable = true;
  private created = false;
  /** Scripts whose V8 code cache is missing or stale, written by `flush` once they have run. */
  private readonly unflushed = new Map<string, vm.Script>();

  constructor(root = defaultCacheRoot()) {
    this.dir = path.join(root, 'validators', codeFingerprint(GENERATOR_MODULES));
  }

  load(key: string): ValidateFunction | undefined {
    const file = this.fileFor(key);
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(`${file}.v8`);
    } catch {
      cachedData = undefined;
    }
    try {
      // V8's code cache skips parsing and compiling the generated code, most of a warm run's cost.
      const script = new vm.Script(`(function (require, module, exports) {${code}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
      if (!cachedData || script.cachedDataRejected) this.unflushed.set(file, script);
      const module = { exports: {} as { default?: ValidateFunction } };
      (script.runInThisContext() as (r: unknown, m: unknown, e: unknown) => void)(moduleFor, module, module.exports);
      return module.exports.default;
    } catch {
      return undefined; // a damaged entry is recompiled and rewritten
    }
  }

  /** Writes the V8 code cache of validators loaded without one; call after they have validated. */
  flush(): void {
    for (const [file, script] of this.unflushed) {
      try {
        writeAtomically(`${file}.v8`, script.createCachedData());
      } catch {
        // the next run simply compiles again
      }
    }
    this.unflushed.clear();
  }

  store(key: string, code: string): void {
    if (!this.writable) return;
    try {
      if (!this.created) {
        mkdirSync(this.dir, { recursive: true });
        removeStaleSiblings(this.dir);
        this.created = true;
      }
      writeAtomically(this.fileFor(key), code);
    } catch {
      this.writable = false;
    }
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.js`);
  }
}
