import { chmod, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { yaml } from '../lazy-packages.js';
import { UsageError } from '../config/errors.js';
import { writeAtomically } from '../fs/write-atomically.js';

/** `~/.kube/hctl/NAME.yaml`, where vCluster kubeconfigs are kept. */
export function defaultKubeconfigPath(name: string): string {
  return path.join(homedir(), '.kube', 'hctl', `${name}.yaml`);
}

/**
 * Writes a kubeconfig readable by the user alone: the directory 0700 and the file 0600, even when
 * they existed with wider modes.
 */
export async function writeKubeconfig(file: string, content: string, origin: string): Promise<void> {
  let parsed: unknown;
  try {
    parsed = yaml().parse(content);
  } catch {
    parsed = undefined;
  }
  const clusters = (parsed as { clusters?: unknown } | undefined)?.clusters;
  if (!Array.isArray(clusters) || clusters.length === 0) throw new UsageError(`${origin} does not hold a kubeconfig (no clusters); nothing was written`);
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (dir === path.dirname(defaultKubeconfigPath('x'))) await chmod(dir, 0o700);
  writeAtomically(file, content, 0o600);
}
