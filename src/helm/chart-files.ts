import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stampOf } from '../repo/read.js';
import type { ChartFiles } from './chart.js';

/** A chart's files on disk, under the checked root. */
export function diskChartFiles(root: string): ChartFiles {
  return {
    read(file) {
      try {
        return readFileSync(path.join(root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    stamp(file) {
      const stats = statSync(path.join(root, file), { throwIfNoEntry: false });
      return stats ? stampOf(stats) : undefined;
    },
    list(dir) {
      try {
        return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
          .sort();
      } catch {
        return [];
      }
    },
  };
}

/** In-memory files (path → text), as `loadFiles` takes them. */
export function memoryChartFiles(files: Readonly<Record<string, string>>): ChartFiles {
  return {
    read: (file) => files[path.posix.normalize(file)],
    stamp: () => undefined,
    list(dir) {
      const prefix = dir === '.' ? '' : `${path.posix.normalize(dir)}/`;
      return Object.keys(files)
        .filter((file) => file.startsWith(prefix))
        .sort();
    },
  };
}
