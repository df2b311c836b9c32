import { writeFileSync } from 'node:fs';
import { UsageError } from '../config/errors.js';
import { fsErrorReason } from '../fs/fs-error-reason.js';
import { errorReport } from '../report/report.js';
import { VERSION } from './package-info.js';

/** Where a command's result goes: a file when `--output` is given, else stdout. */
export function emit(text: string, outputFile: string | undefined): void {
  if (!outputFile) {
    process.stdout.write(text);
    return;
  }
  try {
    // Synchronous: the report is the last thing a command does, and a thread-pool round trip per
    // open, write and close only leaves the process idle in between.
    writeFileSync(outputFile, text);
  } catch (error) {
    throw new UsageError(`cannot write --output ${outputFile}: ${fsErrorReason(error)}`);
  }
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && process.env.TERM !== 'dumb';
}

/** A command that could not run: one line on stderr, and with `--format json` the error report too. */
export function emitCouldNotRun(command: string, message: string, flags: { format: string; output?: string | undefined }): void {
  process.stderr.write(`hctl ${command}: ${message}\n`);
  if (flags.format !== 'json') return;
  try {
    emit(`${JSON.stringify(errorReport(command, VERSION, message), null, 2)}\n`, flags.output);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    // The first line may already be this very failure (the report itself could not be written).
    if (error.message !== message) process.stderr.write(`hctl ${command}: ${error.message}\n`);
  }
}
