import { Command, Option } from 'commander';
import { ApiClient } from '../cluster/api-client.js';
import type { ClusterState } from '../cluster/cluster-state.js';
import { loadKubeconfig } from '../cluster/kubeconfig.js';
import { ClusterUnavailable, readCluster } from '../cluster/read-cluster.js';
import { HEALTH_DOMAINS, type HealthDomain } from '../cluster/resources.js';
import { UsageError } from '../config/errors.js';
import { HEALTH_RULES } from '../rules/health-index.js';

/** Flags every command that reads a cluster shares. */
export interface ConnectionFlags {
  kubeconfig?: string;
  context?: string;
  requestTimeout: string;
  concurrency: string;
}

/** Flags of the commands that read the whole cluster, domain by domain. */
export interface ClusterFlags extends ConnectionFlags {
  only?: string;
  skip?: string;
}

export function addClusterOptions(command: Command): Command {
  return addConnectionOptions(command)
    .option('--only <domains>', `comma-separated domains to check: ${HEALTH_DOMAINS.join(',')}`)
    .option('--skip <domains>', 'comma-separated domains to leave out');
}

/** How to reach the cluster: for every command that reads one. */
export function addConnectionOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)')
    .option('--context <name>', 'kubeconfig context (default: the current context)')
    .addOption(new Option('--request-timeout <seconds>', 'seconds one API request may take').default('10'))
    .addOption(new Option('--concurrency <n>', 'API requests in flight at once').default('6'));
}

export function chosenDomains(flags: Pick<ClusterFlags, 'only' | 'skip'>): HealthDomain[] {
  const parse = (value: string, flag: string) =>
    value.split(',').map((part) => part.trim()).filter(Boolean).map((domain) => {
      if (!(HEALTH_DOMAINS as readonly string[]).includes(domain)) throw new UsageError(`${flag}: unknown domain "${domain}" (domains: ${HEALTH_DOMAINS.join(', ')})`);
      return domain as HealthDomain;
    });
  const only = flags.only ? parse(flags.only, '--only') : [...HEALTH_DOMAINS];
  const skip = new Set(flags.skip ? parse(flags.skip, '--skip') : []);
  const domains = only.filter((domain) => !skip.has(domain));
  if (domains.length === 0) throw new UsageError('--only/--skip leave no domain to check');
  return HEALTH_DOMAINS.filter((domain) => domains.includes(domain));
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${value}"`);
  return n;
}

/** Reads the cluster the flags name; an unreachable or unauthorised cluster is a UsageError (exit 3). */
export async function readClusterFromFlags(flags: ClusterFlags, domains: readonly HealthDomain[]): Promise<{ state: ClusterState; requests: number }> {
  const reads = new Set(HEALTH_RULES.filter((rule) => (domains as readonly string[]).includes(rule.meta.domain)).flatMap((rule) => rule.reads ?? []));
  return withCluster(flags, async (client, { context, concurrency }) => ({ state: await readCluster(client, { reads, concurrency, context }), requests: client.requests }));
}

/**
 * Runs `read` with a read-only client for the cluster the flags name, and closes it after.
 * An unreachable or unauthorised cluster is a UsageError (exit 3) that names the context.
 */
export async function withCluster<T>(flags: ConnectionFlags, read: (client: ApiClient, settings: { context: string; concurrency: number; namespace?: string }) => Promise<T>): Promise<T> {
  const timeoutMs = positive(flags.requestTimeout, '--request-timeout') * 1000;
  const concurrency = Math.floor(positive(flags.concurrency, '--concurrency'));
  const kubeconfig = await loadKubeconfig({ ...(flags.kubeconfig ? { file: flags.kubeconfig } : {}), ...(flags.context ? { context: flags.context } : {}) });
  const client = new ApiClient(kubeconfig.config, kubeconfig.server, { timeoutMs, concurrency });
  try {
    return await read(client, { context: kubeconfig.context, concurrency, ...(kubeconfig.namespace ? { namespace: kubeconfig.namespace } : {}) });
  } catch (error) {
    if (error instanceof ClusterUnavailable) throw new UsageError(`${error.message} (context ${kubeconfig.context})`);
    throw error;
  } finally {
    client.close();
  }
}
