import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where hctl keeps what it computed before: $HCTL_CACHE_DIR, else $XDG_CACHE_HOME/hctl, else ~/.cache/hctl. */
export function defaultCacheRoot(): string {
  if (process.env.HCTL_CACHE_DIR) return process.env.HCTL_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'hctl');
}

/**
 * A short hash of the files whose code decides what a cache holds (and of Node's version), so a
 * new hctl, or a rebuilt one, never reads entries an older one wrote.
 */
export function codeFingerprint(files: readonly URL[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(fileDigest(file));
  hash.update(process.version);
  return hash.digest('hex').slice(0, 16);
}

/** Each file's digest, once per process: every check of a run hashes the same ~900 KB bundle otherwise. */
const digests = new Map<string, string>();

function fileDigest(file: URL): string {
  let digest = digests.get(file.href);
  if (digest === undefined) {
    try {
      digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    } catch {
      digest = file.href;
    }
    digests.set(file.href, digest);
  }
  return digest;
}

/** A cache written by another hctl build is left for a day (that build may still be in use), then removed. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Caches of other builds kept even within the day: alternating between two installs stays warm. */
const OTHER_BUILDS_KEPT = 2;

/**
 * Removes the sibling directories of `current` (caches of other hctl builds, named by their
 * fingerprint) that nobody wrote for a day, and all but the most recently written two, so
 * upgrades and rebuilds do not pile up tens of MB each.
 */
export function removeStaleSiblings(current: string): void {
  const parent = path.dirname(current);
  const keep = path.basename(current);
  try {
    const others = readdirSync(parent)
      .filter((name) => name !== keep)
      .map((name) => ({ dir: path.join(parent, name), written: statSync(path.join(parent, name)).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    others.forEach(({ dir, written }, index) => {
      if (index >= OTHER_BUILDS_KEPT || Date.now() - written > STALE_AFTER_MS) rmSync(dir, { recursive: true, force: true });
    });
  } catch {
    // a cache that cannot be tidied is still a cache
  }
}
