import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The Git working tree being checked (else the checked directory) and the URLs that name it, normalised. */
export interface Repository {
  root: string;
  urls: ReadonlySet<string>;
}

/**
 * A Git URL reduced to host/path, so the forms Argo CD and Git accept for one repository compare
 * equal: https://github.com/o/r.git, git@github.com:o/r, ssh://git@github.com/o/r/ → github.com/o/r.
 */
export function normaliseRepoUrl(url: string): string {
  let rest = url.trim();
  const scp = /^[\w.-]+@([^:/]+):(?!\/)(.*)$/.exec(rest);
  if (scp) rest = `${scp[1]}/${scp[2]}`;
  else rest = rest.replace(/^[a-z+]+:\/\//i, '').replace(/^[^@/]*@/, '').replace(/^([^/:]+):\d+\//, '$1/');
  rest = rest.replace(/\/+$/, '').replace(/\.git$/, '');
  const slash = rest.indexOf('/');
  return slash < 0 ? rest.toLowerCase() : `${rest.slice(0, slash).toLowerCase()}${rest.slice(slash)}`;
}

/** The remote URLs in a working tree's Git config (`.git` may be a file pointing at the real directory). */
export function gitRemoteUrls(gitRoot: string): string[] {
  let gitDir = path.join(gitRoot, '.git');
  try {
    if (statSync(gitDir).isFile()) {
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(gitDir, 'utf8'));
      if (!pointer) return [];
      gitDir = path.resolve(gitRoot, pointer[1]!.trim());
    }
    const config = readFileSync(path.join(gitDir, 'config'), 'utf8');
    const urls: string[] = [];
    let inRemote = false;
    for (const line of config.split(/\r?\n/)) {
      const section = /^\s*\[([^\]]+)\]/.exec(line);
      if (section) inRemote = /^remote\s+"/.test(section[1]!);
      const url = inRemote ? /^\s*url\s*=\s*(.+?)\s*$/.exec(line) : null;
      if (url) urls.push(url[1]!);
    }
    return urls;
  } catch {
    // A worktree without a readable config has no remotes hctl can use; Argo CD paths are then not judged.
    return [];
  }
}
