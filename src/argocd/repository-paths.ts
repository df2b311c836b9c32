import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Repository } from '../repo/repository-urls.js';

export interface RepositoryPaths {
  directories: string[];
  files: string[];
}

// One listing per check run: each run makes its own Repository, so a later run sees new files.
const cache = new WeakMap<Repository, RepositoryPaths>();

/** Every directory and file of a working tree, relative and with `/`, as Argo CD's Git generators see them. */
export function repositoryPaths(repository: Repository): RepositoryPaths {
  const cached = cache.get(repository);
  if (cached) return cached;
  const { root } = repository;
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
  cache.set(repository, result);
  return result;
}
