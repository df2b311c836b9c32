import type { FluxGraph } from '../flux/flux-graph.js';
import { appliedObjects } from '../flux/applied-objects.js';
import { buildStandalone, type StandaloneBuild } from '../render/standalone-builds.js';
import type { LoadedRepo } from '../repo/load.js';
import type { KubeObject } from '../repo/object.js';
import { fluxGraphOf } from './flux-graph-of.js';

/** What a loaded repository builds — the Flux graph, the kustomizations no Flux build reads, what reaches the cluster — each built once, when first asked for. */
export interface RepoBuilds {
  flux(): FluxGraph;
  standalone(): StandaloneBuild[];
  applied(): KubeObject[];
}

export function repoBuilds(root: string, repo: LoadedRepo): RepoBuilds {
  let flux: FluxGraph | undefined;
  let standalone: StandaloneBuild[] | undefined;
  let applied: KubeObject[] | undefined;
  const builds: RepoBuilds = {
    flux: () => (flux ??= fluxGraphOf(root, repo.objects, repo.paths, new Set(repo.files.filter((file) => file.otherDocuments > 0).map((file) => file.file)))),
    standalone: () => (standalone ??= buildStandalone(builds.flux().kustomizer, repo.objects)),
    applied: () => (applied ??= appliedObjects(builds.flux(), repo.objects, builds.standalone)),
  };
  return builds;
}
