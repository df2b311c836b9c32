import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** One validator cache for the test run, away from the user's ~/.cache. */
const CACHE_DIR = process.env.HCTL_TEST_CACHE_DIR ?? (process.env.HCTL_TEST_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'hctl-cache-')));
/** An empty config home, so the developer's own ~/.config/hctl never changes a test's outcome. */
const CONFIG_HOME = process.env.HCTL_TEST_CONFIG_HOME ?? (process.env.HCTL_TEST_CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'hctl-config-')));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI exactly as a user would: `bin/hctl ARGS` in the project directory. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const env: Record<string, string | undefined> = { ...process.env, HCTL_CACHE_DIR: CACHE_DIR, XDG_CONFIG_HOME: CONFIG_HOME, ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [`${PROJECT_ROOT}bin/hctl`, ...args], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runCli, without blocking the event loop: for tests whose fake API server lives in this process. */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult & { ms: number }> {
  const env: Record<string, string | undefined> = { ...process.env, HCTL_CACHE_DIR: CACHE_DIR, XDG_CONFIG_HOME: CONFIG_HOME, ...options.env };
  delete env.FORCE_COLOR;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${PROJECT_ROOT}bin/hctl`, ...args], { cwd: options.cwd ?? PROJECT_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}
