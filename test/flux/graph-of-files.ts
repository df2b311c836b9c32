import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { loadRepo } from '../../src/repo/load.js';
import { repoDir } from '../temp-dir.js';

/** The Flux graph of a repository made of `files`, written to a fresh directory. */
export function graphOfFiles(files: Record<string, string>) {
  const root = repoDir('flux-graph', files);
  return fluxGraphOf(root, loadRepo(root).objects);
}
