import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { celCheck } from './cel.js';
import { KUBERNETES_FORMATS } from './formats.js';

const require = createRequire(import.meta.url);

/** What generated validator code may import: ajv's runtime helpers, and hctl's formats and CEL. */
function moduleFor(id: string): unknown {
  if (id === 'hctl:formats') return KUBERNETES_FORMATS;
  if (id === 'hctl:cel') return { celCheck };
  return require(id);
}

/** The modules whose behaviour is baked into generated validators: a change to any invalidates the cache. */
const GENERATOR_MODULES = ['validator.js', 'formats.js', 'cel.js', 'cel-keyword.js', 'transform.js', '../../schemas/index.json', '../../package.json'];

/**
 * Compiled validators, kept on disk as ajv standalone code between runs: compiling a large schema
 * costs ten times what loading its code does, and most runs check the same kinds again. Lives in
 * $HCTL_CACHE_DIR, else $XDG_CACHE_HOME/hctl, else ~/.cache/hctl; a cache that cannot be written is
 * simply not used.
 */
export class ValidatorCache {
  private readonly dir: string;
  private writable = true;

  constructor(root = defaultCacheRoot()) {
    const fingerprint = createHash('sha256');
    for (const file of GENERATOR_MODULES) {
      try {
        fingerprint.update(readFileSync(new URL(file, import.meta.url)));
      } catch {
        fingerprint.update(file);
      }
    }
    fingerprint.update(process.version);
    this.dir = path.join(root, 'validators', fingerprint.digest('hex').slice(0, 16));
  }

  load(key: string): ValidateFunction | undefined {
    let code: string;
    try {
      code = readFileSync(this.fileFor(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const module = { exports: {} as { default?: ValidateFunction } };
      new Function('require', 'module', 'exports', code)(moduleFor, module, module.exports);
      return module.exports.default;
    } catch {
      return undefined; // a damaged entry is recompiled and rewritten
    }
  }

  store(key: string, code: string): void {
    if (!this.writable) return;
    const file = this.fileFor(key);
    try {
      mkdirSync(this.dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, code);
      renameSync(temporary, file);
    } catch {
      this.writable = false;
    }
  }

  private fileFor(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.js`);
  }
}

function defaultCacheRoot(): string {
  if (process.env.HCTL_CACHE_DIR) return process.env.HCTL_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'hctl');
}
