import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorCode } from './walk.js';

/** Files bigger than this are not parsed: no hand-written manifest is this large. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * What identifies one version of a file without reading it, as git's index and eslint's cache do:
 * any write changes its ctime, which no tool can set back.
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export type ReadResult = { text: string; stamp: FileStamp } | { skipped: string };

export function stampOf(stats: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): FileStamp {
  return { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a manifest as text; oversized, binary or non-UTF-8 content is refused with a reason, never thrown. */
export function readManifest(absolute: string): ReadResult {
  let bytes: Buffer;
  let stamp: FileStamp;
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    stamp = stampOf(fstatSync(fd));
    const size = stamp.size;
    if (size > MAX_FILE_BYTES) return { skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB)` };
    bytes = readExactly(fd, size);
  } catch (error) {
    return { skipped: `not readable (${errorCode(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: 'binary content (NUL bytes)' };
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, stamp };
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
}

/** The file's bytes, sized by the fstat already made (readFileSync would make another). */
function readExactly(fd: number, size: number): Buffer {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, buffer, filled, size - filled, null);
    if (read === 0) break; // shrank while reading
    filled += read;
  }
  return filled === size ? buffer : buffer.subarray(0, filled);
}
