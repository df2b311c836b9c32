import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { defaultCacheRoot, removeStaleSiblings } from '../cache/cache-dir.js';
import { writeAtomically } from '../fs/write-atomically.js';

export interface BundledCli {
  main(argv: string[]): Promise<number>;
  /** Whether V8 took this run's code from the cache instead of compiling it. */
  readonly compiledCodeReused: boolean;
  /** Keeps the code of every function this run compiled, when the cache had none (or a stale one). */
  saveCodeCache(): void;
}

/**
 * Runs the bundled CLI (dist/bundle/hctl.cjs) with V8's code cache kept in hctl's cache
 * directory, one per command: compiling the 1 MB bundle, then each function as it first runs, is
 * ~15 % of a re-check (onedr0p's repository: 240 → 207 ms), and Node 20 keeps no compiled code
 * between runs (Node 22's module.enableCompileCache does not reach code compiled this way). The
 * cache is written after the command has run, so it holds the functions the command used, not
 * only the top level. `--no-cache` neither reads nor writes it.
 */
export function loadBundledCli(bundleFile: string, argv: readonly string[]): BundledCli {
  const source = readFileSync(bundleFile, 'utf8');
  const cacheFile = argv.includes('--no-cache') ? undefined : codeCacheFile(bundleFile, commandOf(argv));
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  // The wrapper Node itself puts around a CommonJS module.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundleFile, cachedData });
  const module = { exports: {} as { main?: BundledCli['main'] } };
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, path.dirname(bundleFile));
  const { main } = module.exports;
  if (typeof main !== 'function') throw new Error(`${bundleFile} exports no main(): rebuild hctl (npm run build)`);
  const compiledCodeReused = cachedData !== undefined && !script.cachedDataRejected;
  return {
    main,
    compiledCodeReused,
    saveCodeCache() {
      if (cacheFile === undefined || compiledCodeReused) return;
      try {
        const dir = path.dirname(cacheFile);
        mkdirSync(dir, { recursive: true });
        removeStaleSiblings(dir);
        writeAtomically(cacheFile, script.createCachedData());
      } catch {
        // an unwritable cache costs the next run its compile, nothing else
      }
    },
  };
}

/** The command's name (`check`), which decides what code a run needs; `other` for flags alone. */
function commandOf(argv: readonly string[]): string {
  const command = argv[2];
  return command !== undefined && /^[a-z][a-z-]*$/.test(command) ? command : 'other';
}

/**
 * Named after the bundle's path, size and time and Node's version: a rebuilt bundle or another
 * Node never meets the old code (V8 itself compares only the source's length).
 */
function codeCacheFile(bundleFile: string, command: string): string {
  const { size, mtimeMs } = statSync(bundleFile);
  const build = createHash('sha256').update(`${bundleFile}\0${size}\0${mtimeMs}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
  return path.join(defaultCacheRoot(), 'code', build, `${command}.v8`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
