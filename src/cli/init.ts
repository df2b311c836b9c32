import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { userConfigPath } from '../config/config.js';
import { RefusedError } from '../config/errors.js';
import { starterConfig } from '../config/starter-config.js';
import { findGitRoot } from '../repo/git-root.js';

/** `hctl init`: writes the commented starter user config, never over an existing one without --force. */
export function initCommand(setExitCode: (code: number) => void): Command {
  return new Command('init')
    .description('Write a commented starter ~/.config/hctl/config.yaml (XDG_CONFIG_HOME is honoured) and print its path')
    .option('--repo-path <dir>', 'the GitOps repo vcluster commands write to (default: the Git work tree here, if any)')
    .option('--force', 'replace an existing config file')
    .option('--print', 'print the starter instead of writing it')
    .action(async (flags: { repoPath?: string; force?: boolean; print?: boolean }) => {
      const repoPath = flags.repoPath ? path.resolve(flags.repoPath) : findGitRoot(process.cwd());
      const text = starterConfig(repoPath);
      if (flags.print) {
        process.stdout.write(text);
        setExitCode(0);
        return;
      }
      const file = userConfigPath();
      if (existsSync(file) && !flags.force) throw new RefusedError(`${file} already exists; nothing was written (use --force to replace it, or --print to see the starter)`);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, text);
      process.stderr.write(`wrote the hctl config${repoPath ? ` (repoPath ${repoPath})` : ''}; edit it to match your platform\n`);
      process.stdout.write(`${file}\n`);
      setExitCode(0);
    });
}
