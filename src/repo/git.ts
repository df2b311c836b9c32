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

export interface GitOptions {
  /** Extra environment (GIT_INDEX_FILE for a scratch index). */
  env?: Record<string, string>;
  /** What the user can do when git is not installed. */
  ifMissing?: string;
}

/** Runs git in `cwd` (never a shell, so paths are passed as they are) and returns its stdout. */
export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', ...options.env } }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new UsageError(`git is not installed or not on PATH; ${options.ifMissing ?? 'install git'}`));
      reject(new GitError(args, stderr || error.message));
    });
  });
}

/** Like git(), but a failure is an answer (undefined), for questions such as "is there an upstream?". */
export async function gitMaybe(cwd: string, args: string[], options: GitOptions = {}): Promise<string | undefined> {
  try {
    return (await git(cwd, args, options)).trim();
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
