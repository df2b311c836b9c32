import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import { git, gitMaybe } from '../repo/git.js';
import { findGitRoot } from '../repo/git-root.js';
import { loadRepo } from '../repo/load.js';
import type { KubeObject } from '../repo/object.js';
import { repoBuilds } from './repo-builds.js';

/** What reached the cluster at an earlier revision: the objects `--base REF` compares against. */
export interface BaseRevision {
  ref: string;
  /** The abbreviated commit the ref named. */
  commit: string;
  applied: KubeObject[];
}

/**
 * The checked directory as it was at `ref` (a branch, tag or commit), built as hctl builds the
 * working tree. Git writes the revision's files through a scratch index into a temporary directory,
 * so the user's index, working tree and HEAD are never touched.
 */
export async function loadBaseRevision(target: string, ref: string, kubernetesVersion: string): Promise<BaseRevision> {
  const directory = statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : path.dirname(target);
  const root = findGitRoot(directory);
  if (!root) throw new UsageError(`--base ${ref}: ${target} is not in a git repository; drop --base, or check a clone`);
  const commit = await gitMaybe(root, ['rev-parse', '--verify', '--quiet', '--short', `${ref}^{commit}`]);
  if (!commit) throw new UsageError(`--base ${ref}: no such revision in ${root} (a branch such as origin/main, a tag or a commit; git fetch first if it is a remote's)`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'hctl-base-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
    const tree = path.join(scratch, 'tree');
    await git(root, ['read-tree', commit], { env });
    await git(root, ['checkout-index', '--all', '--force', `--prefix=${tree}${path.sep}`], { env });
    const checked = path.join(tree, path.relative(root, path.resolve(directory)));
    if (!existsSync(checked)) return { ref, commit, applied: [] };
    return { ref, commit, applied: repoBuilds(checked, loadRepo(checked, undefined, kubernetesVersion)).applied() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
