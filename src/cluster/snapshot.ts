import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { UsageError } from '../config/errors.js';
import type { ClusterState, LiveObject, ReadOutcome } from './cluster-state.js';

/** Bumped when the layout changes incompatibly; older hctl refuses newer snapshots. */
export const SNAPSHOT_VERSION = 1;
const MANIFEST = 'snapshot.json';

interface Manifest {
  snapshotVersion: number;
  takenAt: string;
  context?: string;
  server?: string;
  serverVersion?: string;
  apiGroups: Record<string, string[]>;
  reads: Record<string, ReadOutcome>;
  etcdMetrics?: string;
  volumeStats?: ClusterState['volumeStats'];
}

/**
 * Writes what health read: `snapshot.json` (what was read and how) and one `<Kind>.json` list per
 * kind. Objects are stored as the reader trimmed them, so Secret data is never on disk.
 */
export async function writeSnapshot(dir: string, state: ClusterState): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const manifest: Manifest = {
    snapshotVersion: SNAPSHOT_VERSION,
    takenAt: state.takenAt,
    ...(state.context ? { context: state.context } : {}),
    ...(state.server ? { server: state.server } : {}),
    ...(state.serverVersion ? { serverVersion: state.serverVersion } : {}),
    apiGroups: state.apiGroups,
    reads: Object.fromEntries([...state.reads].sort(([a], [b]) => a.localeCompare(b))),
    ...(state.etcdMetrics !== undefined ? { etcdMetrics: state.etcdMetrics } : {}),
    ...(state.volumeStats ? { volumeStats: state.volumeStats } : {}),
  };
  const written = [MANIFEST];
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await Promise.all(
    [...state.objects].map(async ([kind, items]) => {
      written.push(`${kind}.json`);
      await writeFile(path.join(dir, `${kind}.json`), `${JSON.stringify({ kind: `${kind}List`, items })}\n`);
    }),
  );
  return written.sort();
}

/** Reads a snapshot directory; `<Kind>.yaml` is accepted next to `<Kind>.json` for hand-written ones. */
export async function readSnapshot(dir: string): Promise<ClusterState> {
  const manifestFile = path.join(dir, MANIFEST);
  if (!existsSync(dir)) throw new UsageError(`snapshot ${dir}: no such directory`);
  if (!existsSync(manifestFile)) throw new UsageError(`${dir} is not an hctl snapshot: it has no ${MANIFEST} (make one with hctl snapshot -o ${dir})`);
  const manifest = (await parseFile(manifestFile)) as Manifest;
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.takenAt !== 'string' || typeof manifest.reads !== 'object') {
    throw new UsageError(`${manifestFile}: not an hctl snapshot manifest (needs takenAt and reads)`);
  }
  if (manifest.snapshotVersion > SNAPSHOT_VERSION) {
    throw new UsageError(`${manifestFile}: snapshot version ${manifest.snapshotVersion} is newer than this hctl understands (${SNAPSHOT_VERSION}); upgrade hctl`);
  }
  const objects = new Map<string, LiveObject[]>();
  const reads = new Map<string, ReadOutcome>(Object.entries(manifest.reads));
  await Promise.all(
    [...reads].filter(([, outcome]) => outcome.state === 'read').map(async ([kind]) => {
      const file = [`${kind}.json`, `${kind}.yaml`].map((name) => path.join(dir, name)).find((candidate) => existsSync(candidate));
      if (!file) return; // sources such as etcd-metrics live in the manifest
      const list = (await parseFile(file)) as { items?: LiveObject[] };
      const items = Array.isArray(list?.items) ? list.items.filter(isObject) : undefined;
      if (!items) throw new UsageError(`${file}: expected a list with items`);
      objects.set(kind, items);
    }),
  );
  return {
    takenAt: manifest.takenAt,
    ...(manifest.context ? { context: manifest.context } : {}),
    ...(manifest.server ? { server: manifest.server } : {}),
    ...(manifest.serverVersion ? { serverVersion: manifest.serverVersion } : {}),
    apiGroups: manifest.apiGroups ?? {},
    objects,
    reads,
    ...(manifest.etcdMetrics !== undefined ? { etcdMetrics: manifest.etcdMetrics } : {}),
    ...(manifest.volumeStats ? { volumeStats: manifest.volumeStats } : {}),
  };
}

async function parseFile(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return file.endsWith('.json') ? JSON.parse(text) : jsYaml.load(text);
  } catch (error) {
    throw new UsageError(`${file} cannot be parsed: ${(error as Error).message.split('\n')[0]}`);
  }
}

function isObject(item: unknown): item is LiveObject {
  return typeof item === 'object' && item !== null && typeof (item as LiveObject).metadata?.name === 'string';
}
