import { writeFile } from 'node:fs/promises';
import { errorReport } from '../report/report.js';
import { VERSION } from './package-info.js';

/** Where a command's result goes: a file when `--output` is given, else stdout. */
export async function emit(text: string, outputFile: string | undefined): Promise<void> {
  if (outputFile) await writeFile(outputFile, text);
  else process.stdout.write(text);
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && process.env.TERM !== 'dumb';
}

/** A command that could not run: one line on stderr, and with `--format json` the error report too. */
export async function emitCouldNotRun(command: string, message: string, flags: { format: string; output?: string | undefined }): Promise<void> {
  if (flags.format === 'json') await emit(`${JSON.stringify(errorReport(command, VERSION, message), null, 2)}\n`, flags.output);
  process.stderr.write(`hctl ${command}: ${message}\n`);
}
