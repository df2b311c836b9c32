import { chmodSync, renameSync, writeFileSync } from 'node:fs';

/**
 * Writes beside the target and renames: a reader (or a parallel run) sees the old file or the new
 * one, never half of one. `mode` is set on the new file before it takes the target's place.
 */
export function writeAtomically(file: string, data: string | Buffer, mode?: number): void {
  const temporary = `${file}.hctl-${process.pid}.tmp`;
  writeFileSync(temporary, data, mode === undefined ? {} : { mode });
  // The umask may have narrowed or widened what writeFileSync set; say it exactly.
  if (mode !== undefined) chmodSync(temporary, mode);
  renameSync(temporary, file);
}
