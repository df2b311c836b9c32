import { git as runGit, gitMaybe as runGitMaybe } from '../repo/git.js';

export { GitError } from '../repo/git.js';

/** The vcluster commands can still write the request without git. */
const IF_MISSING = 'install git, or use --git-mode generate to only write the file';

export const git = (cwd: string, args: string[]) => runGit(cwd, args, { ifMissing: IF_MISSING });
export const gitMaybe = (cwd: string, args: string[]) => runGitMaybe(cwd, args, { ifMissing: IF_MISSING });
