import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { UsageError } from '../config/errors.js';

export interface KubeconfigChoice {
  /** `--kubeconfig FILE`, which wins over everything else. */
  file?: string;
  /** `--context NAME`, else the file's current-context. */
  context?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export interface LoadedKubeconfig {
  config: KubeConfig;
  /** Where the credentials came from, for the report: a file list or "in-cluster". */
  source: string;
  context: string;
  server: string;
  /** The context's namespace, which kubectl uses when none is given. */
  namespace?: string;
}

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/**
 * Reads the kubeconfig the way kubectl looks for it (--kubeconfig, KUBECONFIG, ~/.kube/config, then
 * in-cluster) and refuses to go on without one: client-node would otherwise quietly talk to
 * http://localhost:8080, which is never what a user meant. client-node is imported here, on
 * first use: it takes half a second to load, which commands that never reach a cluster must not pay.
 */
export async function loadKubeconfig(choice: KubeconfigChoice): Promise<LoadedKubeconfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const env = choice.env ?? process.env;
  const config = new KubeConfig();
  let source: string;
  if (choice.file) {
    if (!existsSync(choice.file)) throw new UsageError(`kubeconfig ${choice.file}: no such file`);
    load(config, choice.file);
    source = choice.file;
  } else if (env.KUBECONFIG) {
    const files = env.KUBECONFIG.split(path.delimiter).filter((file) => file && existsSync(file));
    if (files.length === 0) throw new UsageError(`KUBECONFIG names no file that exists (${env.KUBECONFIG})`);
    // Like kubectl: the first file that sets a value wins, so merge in reverse.
    load(config, files[0]!);
    for (const file of files.slice(1)) {
      const more = new KubeConfig();
      load(more, file);
      config.mergeConfig(more, true);
    }
    source = files.join(path.delimiter);
  } else if (existsSync(path.join(choice.home ?? os.homedir(), '.kube', 'config'))) {
    source = path.join(choice.home ?? os.homedir(), '.kube', 'config');
    load(config, source);
  } else if (env.KUBERNETES_SERVICE_HOST && existsSync(IN_CLUSTER_TOKEN)) {
    config.loadFromCluster();
    source = 'in-cluster service account';
  } else {
    throw new UsageError('no kubeconfig: pass --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config (hctl health --snapshot DIR works without a cluster)');
  }

  if (choice.context) {
    if (!config.getContextObject(choice.context)) {
      const known = config.getContexts().map((context) => context.name);
      throw new UsageError(`kubeconfig has no context "${choice.context}"${known.length ? ` (it has: ${known.join(', ')})` : ''}`);
    }
    config.setCurrentContext(choice.context);
  }
  const context = config.getCurrentContext();
  if (!context || !config.getContextObject(context)) {
    throw new UsageError(`kubeconfig ${source} has no current context: pass --context NAME or run kubectl config use-context NAME`);
  }
  const cluster = config.getCurrentCluster();
  if (!cluster?.server) throw new UsageError(`kubeconfig ${source}: context "${context}" names no cluster with a server URL`);
  const namespace = config.getContextObject(context)?.namespace;
  return { config, source, context, server: cluster.server, ...(namespace ? { namespace } : {}) };
}

function load(config: KubeConfig, file: string): void {
  try {
    config.loadFromFile(file);
  } catch (error) {
    throw new UsageError(`kubeconfig ${file} cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
}
