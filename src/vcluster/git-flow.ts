import path from 'node:path';
import { RefusedError, UsageError } from '../config/errors.js';
import { git, GitError, gitMaybe } from './git.js';

/** What to do with written files: leave them, stage them, commit them, or commit and push. */
export type GitAction = 'generate' | 'stage' | 'commit' | 'auto';

export interface GitPlan {
  action: GitAction;
  /** The Git work tree's top directory (the repo directory itself for `generate`). */
  root: string;
  branch?: string;
  /** Where `auto` pushes: the branch's upstream, else the same branch on `origin`. */
  push?: { remote: string; branch: string };
}

export interface GitOutcome {
  action: GitAction;
  /** Paths staged, relative to the work tree. */
  staged: string[];
  /** Short hash of the commit made. */
  commit?: string;
  /** `remote/branch` pushed to. */
  pushed?: string;
  /** Why the push failed; the commit is kept. */
  pushFailed?: string;
}

/**
 * Everything that could stop the Git step, checked before a file is written: a work tree, a
 * branch (not a detached HEAD or a merge in progress), somewhere to push, and not a protected branch.
 */
export async function planGit(repoDir: string, action: GitAction, protectedBranches: readonly string[]): Promise<GitPlan> {
  if (action === 'generate') return { action, root: repoDir };
  const root = await gitMaybe(repoDir, ['rev-parse', '--show-toplevel']);
  if (!root) throw new RefusedError(`${repoDir} is not in a Git work tree; use --git-mode generate to only write the file`);
  if (action === 'stage') return { action, root };
  const branch = await gitMaybe(root, ['symbolic-ref', '--short', '-q', 'HEAD']);
  if (!branch) throw new RefusedError('HEAD is detached; check out a branch before hctl commits (git switch BRANCH)');
  for (const state of ['MERGE_HEAD', 'REBASE_HEAD', 'CHERRY_PICK_HEAD']) {
    if (await gitMaybe(root, ['rev-parse', '-q', '--verify', state])) throw new RefusedError(`a ${state.replace('_HEAD', '').toLowerCase().replace('_', '-')} is in progress in ${root}; finish or abort it first`);
  }
  const plan: GitPlan = { action, root, branch };
  if (action === 'commit') return plan;
  const remote = (await gitMaybe(root, ['config', `branch.${branch}.remote`])) ?? ((await gitMaybe(root, ['remote']))?.split('\n').includes('origin') ? 'origin' : undefined);
  if (!remote) throw new RefusedError(`branch ${branch} has no upstream and there is no "origin" remote to push to; set one (git push -u REMOTE ${branch}) or use --git-mode commit`);
  const merge = await gitMaybe(root, ['config', `branch.${branch}.merge`]);
  plan.push = { remote, branch: merge?.replace(/^refs\/heads\//, '') ?? branch };
  for (const name of new Set([branch, plan.push.branch])) {
    if (protectedBranches.includes(name)) {
      throw new RefusedError(`hctl does not push to ${name} (git.protectedBranches in the config); work on a branch (git switch -c vcluster-change) or use --git-mode commit`);
    }
  }
  return plan;
}

/** Stages, commits and pushes exactly `files` (absolute paths) as the plan says; nothing else the user staged is touched. */
export async function recordChange(plan: GitPlan, files: readonly string[], message: string): Promise<GitOutcome> {
  const outcome: GitOutcome = { action: plan.action, staged: [] };
  if (plan.action === 'generate') return outcome;
  const paths = files.map((file) => path.relative(plan.root, file).split(path.sep).join('/'));
  // `git add` of a deleted, tracked path stages its removal.
  await git(plan.root, ['add', '--', ...paths]);
  outcome.staged = paths;
  if (plan.action === 'stage') return outcome;
  try {
    // --only commits these paths as they are in the work tree and leaves the rest of the index alone.
    await git(plan.root, ['commit', '--only', '-m', message, '--', ...paths]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw new UsageError(`${error.message}\nThe file is written and staged; fix the problem above and run: git commit -m "${message}" -- ${paths.join(' ')}`);
  }
  outcome.commit = (await git(plan.root, ['rev-parse', '--short', 'HEAD'])).trim();
  if (plan.action !== 'auto' || !plan.push) return outcome;
  try {
    await git(plan.root, ['push', '--porcelain', plan.push.remote, `HEAD:refs/heads/${plan.push.branch}`]);
    outcome.pushed = `${plan.push.remote}/${plan.push.branch}`;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    outcome.pushFailed = error.stderr.trim().split('\n').filter((line) => !line.startsWith('To ')).slice(0, 3).join(' ').trim() || error.message;
  }
  return outcome;
}

/** What the user can do after a failed push: the commit is theirs to publish. */
export function pushRecovery(plan: GitPlan, outcome: GitOutcome): string {
  const target = `${plan.push!.remote} ${plan.push!.branch}`;
  return `the commit ${outcome.commit} is kept on ${plan.branch}; publish it with: git pull --rebase ${target} && git push ${plan.push!.remote} HEAD:${plan.push!.branch}`;
}
