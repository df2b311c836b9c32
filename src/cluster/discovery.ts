import type { ApiClient } from './api-client.js';
import type { ResourceType } from './resources.js';

interface ApiGroupList {
  groups?: { name: string; versions?: { version: string }[]; preferredVersion?: { version: string } }[];
}

export interface Discovery {
  /** Group → served versions, preferred first ('' is the core group). */
  groups: Record<string, string[]>;
}

/** One request (/apis) says which API groups, and so which tools (Flux, Argo CD…), are installed. */
export async function discover(client: ApiClient): Promise<Discovery> {
  const list = await client.getJson<ApiGroupList>('/apis');
  const groups: Record<string, string[]> = { '': ['v1'] };
  for (const group of list.groups ?? []) {
    const versions = (group.versions ?? []).map((version) => version.version);
    const preferred = group.preferredVersion?.version;
    groups[group.name] = preferred ? [preferred, ...versions.filter((version) => version !== preferred)] : versions;
  }
  return { groups };
}

/** The version to list a kind at: the server's preferred one if hctl understands it, else the first it shares. */
export function servedVersion(discovery: Discovery, type: ResourceType): string | undefined {
  const served = discovery.groups[type.group];
  return served?.find((version) => type.versions.includes(version));
}

export function listPath(type: ResourceType, version: string): string {
  return type.group ? `/apis/${type.group}/${version}/${type.plural}` : `/api/${version}/${type.plural}`;
}
