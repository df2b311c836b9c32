import type { ApiClient } from '../cluster/api-client.js';
import { getObject, isMissing, paths, type Missing } from './platform-api.js';

/** Secret names a vCluster's kubeconfig is found under, in the order vCluster and the seed use them. */
export function kubeconfigSecretNames(name: string, fromStatus?: string): string[] {
  return [...new Set([...(fromStatus ? [fromStatus] : []), `vc-${name}`, `${name}-kubeconfig`, `vc-${name}-kubeconfig`])];
}

const KEYS = ['config', 'value', 'kubeconfig'];

export interface FoundKubeconfig {
  secret: string;
  key: string;
  /** The kubeconfig itself: kept in memory only to be written to the user's file. */
  content: string;
}

/**
 * The first kubeconfig Secret that exists in `namespace`, and the key holding the kubeconfig
 * (`config`, `value`, `kubeconfig`, else a lone key). A 403 stops the search: the user needs the
 * right to read it, and guessing further names would only repeat the refusal.
 */
export async function findKubeconfig(client: ApiClient, namespace: string, name: string, fromStatus?: string): Promise<FoundKubeconfig | Missing & { tried: string[] }> {
  const tried: string[] = [];
  for (const secretName of kubeconfigSecretNames(name, fromStatus)) {
    tried.push(secretName);
    const secret = await getObject(client, paths.secret(namespace, secretName));
    if (isMissing(secret)) {
      if (secret.missing === 'forbidden') return { ...secret, tried };
      continue;
    }
    const data = (secret.data ?? {}) as Record<string, string>;
    const keys = Object.keys(data);
    const key = KEYS.find((candidate) => data[candidate]) ?? (keys.length === 1 ? keys[0] : undefined);
    if (!key) return { missing: 'not-found', message: `secret ${namespace}/${secretName} has no kubeconfig key (${KEYS.join(', ')}); it has: ${keys.join(', ') || 'no data'}`, tried };
    return { secret: secretName, key, content: Buffer.from(data[key]!, 'base64').toString('utf8') };
  }
  return { missing: 'not-found', message: `none of the secrets ${tried.join(', ')} exists in namespace ${namespace}`, tried };
}
