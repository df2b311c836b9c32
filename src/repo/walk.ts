import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface WalkedFile {
  /** Relative to the walked root, forward slashes. */
  file: string;
  absolute: string;
  size: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: SkippedFile[];
}

/** Files bigger than this are not parsed: no hand-written manifest is this large. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);
const IGNORE_FILES = ['.gitignore', '.hctlignore'];
const MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;

interface IgnoreScope {
  /** Directory the patterns are relative to (relative to root, '' for the root). */
  base: string;
  matcher: Ignore;
}

/**
 * Lists the YAML and JSON files under `root`, honouring `.gitignore` and `.hctlignore` at every
 * level. Symlinks are followed once; loops and dangling links are skipped with a reason.
 */
export async function walkRepo(root: string): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  const visitedDirs = new Set<string>([await realpath(root)]);
  await walkDirectory(root, '', [], visitedDirs, result);
  result.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}

async function walkDirectory(
  root: string,
  relativeDir: string,
  inheritedScopes: IgnoreScope[],
  visitedDirs: Set<string>,
  result: WalkResult,
): Promise<void> {
  const absoluteDir = path.join(root, relativeDir);
  const scopes = [...inheritedScopes, ...(await readIgnoreScopes(absoluteDir, relativeDir))];
  let directory;
  try {
    directory = await opendir(absoluteDir);
  } catch (error) {
    result.skipped.push({ file: relativeDir || '.', reason: `directory not readable (${errorCode(error)})` });
    return;
  }
  const subdirectories: string[] = [];
  for await (const entry of directory) {
    const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let size = -1;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path.join(absoluteDir, entry.name));
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        size = target.size;
      } catch (error) {
        const code = errorCode(error);
        const reason = code === 'ELOOP' ? 'symlink loop' : `dangling symlink (${code})`;
        if (MANIFEST_EXTENSION.test(entry.name) || code === 'ELOOP') result.skipped.push({ file: relative, reason });
        continue;
      }
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isIgnored(scopes, relative, true)) continue;
      subdirectories.push(relative);
    } else if (isFile && MANIFEST_EXTENSION.test(entry.name) && !isIgnored(scopes, relative, false)) {
      if (size < 0) size = (await stat(path.join(absoluteDir, entry.name))).size;
      if (size > MAX_FILE_BYTES) {
        result.skipped.push({ file: relative, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)` });
      } else {
        result.files.push({ file: relative, absolute: path.join(absoluteDir, entry.name), size });
      }
    }
  }
  await Promise.all(
    subdirectories.map(async (relative) => {
      const real = await realpath(path.join(root, relative)).catch(() => undefined);
      if (real === undefined) return;
      if (visitedDirs.has(real)) {
        result.skipped.push({ file: relative, reason: 'symlink loop (directory already visited)' });
        return;
      }
      visitedDirs.add(real);
      await walkDirectory(root, relative, scopes, visitedDirs, result);
    }),
  );
}

async function readIgnoreScopes(absoluteDir: string, relativeDir: string): Promise<IgnoreScope[]> {
  const scopes: IgnoreScope[] = [];
  for (const name of IGNORE_FILES) {
    const text = await readFile(path.join(absoluteDir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) scopes.push({ base: relativeDir, matcher: ignore().add(text) });
  }
  return scopes;
}

function isIgnored(scopes: IgnoreScope[], relative: string, isDirectory: boolean): boolean {
  for (const scope of scopes) {
    const inside = scope.base === '' ? relative : relative.slice(scope.base.length + 1);
    if (scope.matcher.ignores(isDirectory ? `${inside}/` : inside)) return true;
  }
  return false;
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
