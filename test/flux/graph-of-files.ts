import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { loadRepo } from '../../src/repo/load.js';
import { tempDir } from '../temp-dir.js';

/** The Flux graph of a repository made of `files`, written to a fresh directory. */
export function graphOfFiles(files: Record<string, string>) {
  const root = tempDir('flux-graph');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return fluxGraphOf(root, loadRepo(root).objects);
}
