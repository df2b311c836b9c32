import type { Ignore } from 'ignore';

/** The patterns of one ignore file (`.gitignore`, `.hctlignore`), which apply below its directory. */
export interface IgnoreScope {
  /** Directory the patterns are relative to (relative to root, '' for the root). */
  base: string;
  /** The ignore file, relative to root. */
  file: string;
  matcher: Ignore;
}

/**
 * What the repository's `.gitignore` files keep out of Git, as the walk found them: a file
 * kustomize or Flux reads on this disk may not exist in the clone the cluster builds from.
 * `.hctlignore` only hides files from hctl, so it does not count.
 */
export class GitIgnored {
  /** Each directory walked → the ignore scopes in force there. */
  private readonly scopes = new Map<string, readonly IgnoreScope[]>();
  /** Directories a `.gitignore` excludes (the walk does not enter them) → why. */
  private readonly directories = new Map<string, string>();
  /** Manifest files the walk listed: no ignore file excludes them. */
  private readonly listedFiles = new Set<string>();

  walked(dir: string, scopes: readonly IgnoreScope[]): void {
    this.scopes.set(dir, scopes);
  }

  listed(file: string): void {
    this.listedFiles.add(file);
  }

  excludedDirectory(dir: string, reason: string): void {
    this.directories.set(dir, reason);
  }

  /** `secret.env in apps/.gitignore` when Git ignores the path (relative, forward slashes), else undefined. */
  reasonFor(relative: string, isDirectory = false): string | undefined {
    // What the walk entered or listed passed every ignore file already: most questions end here.
    if (this.scopes.has(relative) || this.listedFiles.has(relative)) return undefined;
    const parts = relative.split('/');
    for (let end = 1; end <= parts.length; end++) {
      const reason = this.directories.get(parts.slice(0, end).join('/'));
      if (reason) return reason;
    }
    const dir = parts.slice(0, -1).join('/');
    for (const scope of this.scopes.get(dir) ?? []) {
      const reason = gitReason(scope, relative, isDirectory);
      if (reason) return reason;
    }
    return undefined;
  }
}

/** Why a `.gitignore` scope excludes the path, or undefined (also for `.hctlignore` scopes). */
export function gitReason(scope: IgnoreScope, relative: string, isDirectory: boolean): string | undefined {
  if (!scope.file.endsWith('.gitignore')) return undefined;
  const inside = `${scope.base === '' ? relative : relative.slice(scope.base.length + 1)}${isDirectory ? '/' : ''}`;
  if (!scope.matcher.ignores(inside)) return undefined;
  return `${scope.matcher.checkIgnore(inside).rule?.pattern ?? inside} in ${scope.file}`;
}
