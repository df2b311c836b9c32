import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];

// Registered when a test file imports this module, so each file removes what it made.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the OS temp dir, removed after the test file finishes. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hctl-${prefix}-`));
  created.push(dir);
  return dir;
}
