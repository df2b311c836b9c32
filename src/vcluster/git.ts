import { execFile } from 'node:child_process';
import { UsageError } from '../config/errors.js';

/** A git command that failed: its arguments and git's own words (the command could not run: exit 3). */
export class GitError extends UsageError {
  override name = 'GitError';
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') || 'no message'}`);
  }
}

/** Runs git in `cwd` (never a shell, so paths are passed as they are) and returns its stdout. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new UsageError('git is not installed or not on PATH; install git, or use --git-mode generate to only write the file'));
      reject(new GitError(args, stderr || error.message));
    });
  });
}

/** Like git(), but a failure is an answer (undefined), for questions such as "is there an upstream?". */
export async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).trim();
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
