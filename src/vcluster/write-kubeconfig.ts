import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../config/errors.js';

/** `~/.kube/hctl/NAME.yaml`, where vCluster kubeconfigs are kept. */
export function defaultKubeconfigPath(name: string): string {
  return path.join(homedir(), '.kube', 'hctl', `${name}.yaml`);
}

/**
 * Writes a kubeconfig readable by the user alone: the directory 0700 and the file 0600, even when
 * they existed with wider modes, written aside and renamed so a reader never sees half a file.
 */
export async function writeKubeconfig(file: string, content: string, origin: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = parse(content);
  } catch {
    parsed = undefined;
  }
  const clusters = (parsed as { clusters?: unknown } | undefined)?.clusters;
  if (!Array.isArray(clusters) || clusters.length === 0) throw new UsageError(`${origin} does not hold a kubeconfig (no clusters); nothing was written`);
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (dir === path.dirname(defaultKubeconfigPath('x'))) await chmod(dir, 0o700);
  const temporary = `${file}.hctl-${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}
