import { statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type ResolvedConfig } from '../config/config.js';
import { RefusedError } from '../config/errors.js';
import { findGitRoot } from '../repo/git-root.js';

/**
 * The GitOps repo a vcluster command works on — `--repo`, else `repoPath` from the config, else the
 * Git work tree around the current directory — and the config as that repo sees it.
 */
export function resolveRepo(flags: { repo?: string; config?: string }): { repoDir: string; config: ResolvedConfig } {
  const configFile = flags.config ? { file: flags.config } : {};
  const here = loadConfig({ startDir: flags.repo ?? process.cwd(), ...configFile });
  const repoDir = path.resolve(flags.repo ?? here.repoPath ?? findGitRoot(process.cwd()) ?? process.cwd());
  let isDirectory = false;
  try {
    isDirectory = statSync(repoDir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw new RefusedError(`the GitOps repo ${repoDir} is not a directory (from ${flags.repo ? '--repo' : 'repoPath in the config'})`);
  const config = path.resolve(flags.repo ?? process.cwd()) === repoDir ? here : loadConfig({ startDir: repoDir, ...configFile });
  return { repoDir, config };
}

/** The request file of a vCluster, absolute and relative to the repo. */
export function requestFile(repoDir: string, config: ResolvedConfig, name: string): { absolute: string; relative: string } {
  const relative = `${config.platform.requestsDir.replace(/\/+$/, '')}/${name}.yaml`;
  return { absolute: path.join(repoDir, relative), relative };
}
