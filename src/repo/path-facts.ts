import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether paths under a checked directory exist and are directories, answered from the directory
 * listings the walk already read, else from the filesystem. Rendering asks the same questions
 * hundreds of times (is there a kustomization.yaml here, a Kustomization, a kustomization.yml?);
 * most answers are in a listing. Paths are relative, with forward slashes.
 */
export class PathFacts {
  private readonly known = new Map<string, boolean>();

  /**
   * `listings`: each directory the walk read (`''` for the root) → the names in it. `directories`:
   * every name in those listings that is a directory (entered, ignored or not), so a listed name
   * that is not one is a file without asking the filesystem.
   */
  constructor(
    private readonly root: string,
    private readonly listings: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
    private readonly directories?: ReadonlySet<string>,
  ) {}

  exists(relative: string): boolean {
    let exists = this.known.get(relative);
    if (exists === undefined) {
      exists = this.listed(relative) ?? existsSync(path.join(this.root, relative));
      this.known.set(relative, exists);
    }
    return exists;
  }

  isDirectory(relative: string): boolean {
    if (this.listings.has(relative)) return true;
    if (this.directories) {
      const listed = this.listed(relative);
      if (listed !== undefined) return listed && this.directories.has(relative);
    }
    try {
      return statSync(path.join(this.root, relative)).isDirectory();
    } catch {
      return false;
    }
  }

  /** From the listing of the path's directory, when the walk read it (not ignored, not outside). */
  private listed(relative: string): boolean | undefined {
    if (this.listings.has(relative)) return true;
    const slash = relative.lastIndexOf('/');
    const name = relative.slice(slash + 1);
    if (name === '' || name === '.' || name === '..') return undefined;
    return this.listings.get(slash === -1 ? '' : relative.slice(0, slash))?.has(name);
  }
}
