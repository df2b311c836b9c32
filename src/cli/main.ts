import { Command, CommanderError } from 'commander';
import { checkCommand } from './check.js';
import { debugCommand } from './debug.js';
import { explainCommand } from './explain.js';
import { describeFailure, internalErrorMessage } from './failure.js';
import { healthCommand } from './health.js';
import { initCommand } from './init.js';
import { mcpCommand } from './mcp.js';
import { netpolCommand } from './netpol.js';
import { renderCommand } from './render.js';
import { schemasCommand } from './schemas.js';
import { serveCommand } from './serve.js';
import { snapshotCommand } from './snapshot.js';
import { vclusterCommand } from './vcluster/index.js';
import { watchCommand } from './watch.js';
import { VERSION } from './package-info.js';

const REFUSED = 2;
const COULD_NOT_RUN = 3;

/** Commander's complaints (unknown option, bad choice) as one line, like every other usage error. */
function writeUsageError(message: string, write: (text: string) => void): void {
  write(`hctl: ${message.trim().replace(/^error: /, '')} (see hctl --help)\n`);
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach the user for bad input. */
export async function main(argv: string[]): Promise<number> {
  // `hctl … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command('hctl')
    .description('Homelab GitOps checks: one honest verdict, with the file, line and object')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: writeUsageError });
  for (const command of [checkCommand(setExitCode), healthCommand(setExitCode), watchCommand(setExitCode), serveCommand(setExitCode), debugCommand(setExitCode), netpolCommand(setExitCode), snapshotCommand(setExitCode), renderCommand(setExitCode), explainCommand(setExitCode), vclusterCommand(setExitCode), schemasCommand(setExitCode), mcpCommand(setExitCode), initCommand(setExitCode)]) {
    program.addCommand(command);
  }
  const quietly = (command: Command): void => {
    command.exitOverride().configureOutput({ outputError: writeUsageError });
    command.commands.forEach(quietly);
  };
  program.commands.forEach(quietly);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successful exits; anything else commander rejects is a usage error.
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      // vcluster's contract: input it refuses (an unknown flag, a missing name) exits 2, like a bad value.
      return argv[2] === 'vcluster' ? REFUSED : COULD_NOT_RUN;
    }
    const failure = describeFailure(error);
    if (failure) {
      process.stderr.write(`hctl: ${failure.message}\n`);
      return failure.exitCode;
    }
    process.stderr.write(`hctl: ${internalErrorMessage(error)}\n`);
    if (process.env.HCTL_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return COULD_NOT_RUN;
  }
}
