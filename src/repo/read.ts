import { readFileSync } from 'node:fs';
import { errorCode } from './walk.js';

export type ReadResult = { text: string } | { skipped: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a manifest as text; binary or non-UTF-8 content is refused with a reason, never thrown. */
export function readManifest(absolute: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { skipped: `not readable (${errorCode(error)})` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { skipped: 'binary content (NUL bytes)' };
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { skipped: 'not valid UTF-8' };
  }
}
