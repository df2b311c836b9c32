import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { yaml } from '../lazy-packages.js';
import type { ApiClient } from '../cluster/api-client.js';
import type { ResolvedConfig } from '../config/config.js';
import { isMissing, listObjects, paths } from './platform-api.js';
import { readStatusContract } from './status-contract.js';

export interface VClusterListEntry {
  name: string;
  /** The request file, relative to the repo. */
  file?: string;
  preset?: string;
  replicas?: number;
  hostname?: string;
  /** The platform's phase, when the cluster was read and the request is there. */
  phase?: string;
  message?: string;
  inRepo: boolean;
  inCluster: boolean;
}

/** Requests in the repo's requests directory (every document of the platform's kind). */
export function repoRequests(repoDir: string, config: ResolvedConfig): Map<string, { file: string; body: Record<string, any> }> {
  const { platform } = config;
  const dir = path.join(repoDir, platform.requestsDir);
  const found = new Map<string, { file: string; body: Record<string, any> }>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((entry) => /\.ya?ml$/.test(entry)).sort();
  } catch {
    return found;
  }
  for (const entry of names) {
    const file = `${platform.requestsDir}/${entry}`;
    for (const document of yaml().parseAllDocuments(readFileSync(path.join(dir, entry), 'utf8'))) {
      if (!('toJS' in document)) continue;
      const body = document.toJS() as Record<string, any> | null;
      if (body?.kind === platform.kind && typeof body.metadata?.name === 'string') found.set(body.metadata.name, { file, body });
    }
  }
  return found;
}

/**
 * The repo's requests joined with the cluster's: what was asked for, and what the platform says
 * about it. Without a client (or a cluster that cannot be read) the repo side stands alone.
 */
export async function listVClusters(repoDir: string, config: ResolvedConfig, client: ApiClient | undefined): Promise<{ entries: VClusterListEntry[]; clusterRead: boolean; clusterNote?: string }> {
  const entries = new Map<string, VClusterListEntry>();
  for (const [name, { file, body }] of repoRequests(repoDir, config)) {
    const vcluster = body.spec?.vcluster ?? {};
    entries.set(name, {
      name,
      file,
      ...(vcluster.preset ? { preset: vcluster.preset } : {}),
      ...(typeof vcluster.replicas === 'number' ? { replicas: vcluster.replicas } : {}),
      ...(body.spec?.exposure?.hostname ? { hostname: body.spec.exposure.hostname } : {}),
      inRepo: true,
      inCluster: false,
    });
  }
  let clusterNote: string | undefined;
  if (client) {
    const live = await listObjects(client, paths.requests(config.platform));
    if (isMissing(live)) {
      clusterNote = live.missing === 'forbidden' ? `cannot list ${config.platform.kind}: ${live.message}` : `${config.platform.kind} is not served by this cluster`;
    } else {
      for (const request of live) {
        const name = request.metadata.name;
        const entry: VClusterListEntry = entries.get(name) ?? { name, inRepo: false, inCluster: true, ...(request.spec?.vcluster?.preset ? { preset: request.spec.vcluster.preset } : {}) };
        entry.inCluster = true;
        const contract = readStatusContract(request);
        entry.phase = contract.phase ?? 'no phase yet';
        if (contract.message) entry.message = contract.message;
        entries.set(name, entry);
      }
    }
  }
  const clusterRead = client !== undefined && clusterNote === undefined;
  return { entries: [...entries.values()].sort((a, b) => a.name.localeCompare(b.name)), clusterRead, ...(clusterNote ? { clusterNote } : {}) };
}
