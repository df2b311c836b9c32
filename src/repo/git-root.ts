import { existsSync } from 'node:fs';
import path from 'node:path';

/** The working tree root above `dir` (the nearest directory holding `.git`), if any. */
export function findGitRoot(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
