import { ApiError, type ApiClient } from '../cluster/api-client.js';
import type { LiveObject } from '../cluster/cluster-state.js';
import { listAll } from '../cluster/list-all.js';
import type { PlatformSettings } from '../config/platform.js';

/** A read that did not give an answer: the kind is not served (404) or the user may not read it (403). */
export type Missing = { missing: 'not-found' | 'forbidden'; message: string };

export function isMissing(value: unknown): value is Missing {
  return typeof value === 'object' && value !== null && 'missing' in value;
}

/** GET one object; 404 and 403 are answers, anything else (401, unreachable) is thrown. */
export async function getObject(client: ApiClient, path: string): Promise<LiveObject | Missing> {
  try {
    return await client.getJson<LiveObject>(path);
  } catch (error) {
    return missingOrThrow(error);
  }
}

/** Every object of a list path (paginated), or why it could not be listed. */
export async function listObjects(client: ApiClient, path: string, labelSelector?: string): Promise<LiveObject[] | Missing> {
  try {
    return (await listAll(client, path, labelSelector ? { labelSelector } : {})) as LiveObject[];
  } catch (error) {
    return missingOrThrow(error);
  }
}

function missingOrThrow(error: unknown): Missing {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) {
    return { missing: error.status === 404 ? 'not-found' : 'forbidden', message: error.message };
  }
  throw error;
}

/** API paths of the objects a vCluster is made of. */
export const paths = {
  request: (platform: PlatformSettings, name: string) => `/apis/${platform.apiGroup}/${platform.apiVersion}/namespaces/${platform.platformNamespace}/${platform.plural}/${name}`,
  requests: (platform: PlatformSettings) => `/apis/${platform.apiGroup}/${platform.apiVersion}/namespaces/${platform.platformNamespace}/${platform.plural}`,
  jobs: (namespace: string) => `/apis/batch/v1/namespaces/${namespace}/jobs`,
  works: () => '/apis/platform.kratix.io/v1alpha1/works',
  workPlacements: () => '/apis/platform.kratix.io/v1alpha1/workplacements',
  applications: (platform: PlatformSettings) => `/apis/argoproj.io/v1alpha1/namespaces/${platform.argocdNamespace}/applications`,
  application: (platform: PlatformSettings, name: string) => `/apis/argoproj.io/v1alpha1/namespaces/${platform.argocdNamespace}/applications/${name}`,
  pods: (namespace: string) => `/api/v1/namespaces/${namespace}/pods`,
  secret: (namespace: string, name: string) => `/api/v1/namespaces/${namespace}/secrets/${name}`,
};
