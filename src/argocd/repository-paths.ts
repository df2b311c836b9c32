import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface RepositoryPaths {
  directories: string[];
  files: string[];
}

const cache = new Map<string, RepositoryPaths>();

/** Every directory and file of a working tree, relative and with `/`, as Argo CD's Git generators see them. */
export function repositoryPaths(root: string): RepositoryPaths {
  const cached = cache.get(root);
  if (cached) return cached;
  const result: RepositoryPaths = { directories: [], files: [] };
  const walk = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        result.directories.push(child);
        walk(child);
      } else if (entry.isFile()) {
        result.files.push(child);
      }
    }
  };
  walk('');
  cache.set(root, result);
  return result;
}
