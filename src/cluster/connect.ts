import { ApiClient, ApiWriter } from './api-client.js';
import { loadKubeconfig } from './kubeconfig.js';

/** Flags of the commands that reach one cluster (vcluster, schemas pull). */
export interface ConnectFlags {
  kubeconfig?: string;
  context?: string;
  requestTimeout?: string;
}

/** Opens the cluster of `--context`, else `kubeContext` from the config, else the kubeconfig's current one. */
export async function connect<T extends ApiClient>(flags: ConnectFlags, config: { kubeContext?: string }, Client: new (...args: ConstructorParameters<typeof ApiClient>) => T): Promise<{ client: T; context: string }> {
  const context = flags.context ?? config.kubeContext;
  const kubeconfig = await loadKubeconfig({ ...(flags.kubeconfig ? { file: flags.kubeconfig } : {}), ...(context ? { context } : {}) });
  const timeoutMs = Math.max(1, Number(flags.requestTimeout ?? 10) || 10) * 1000;
  return { client: new Client(kubeconfig.config, kubeconfig.server, { timeoutMs, concurrency: 4 }), context: kubeconfig.context };
}

export const openReader = (flags: ConnectFlags, config: { kubeContext?: string }) => connect(flags, config, ApiClient);
export const openWriter = (flags: ConnectFlags, config: { kubeContext?: string }) => connect(flags, config, ApiWriter);

/** Runs `use` with a client that is closed afterwards, so the process can end. */
export async function withClient<T extends ApiClient, R>(open: { client: T }, use: (client: T) => Promise<R>): Promise<R> {
  try {
    return await use(open.client);
  } finally {
    open.client.close();
  }
}
