import path from 'node:path';
import { Command } from 'commander';
import type { ResolvedConfig } from '../../config/config.js';
import { UsageError } from '../../config/errors.js';
import { findKubeconfig } from '../../vcluster/kubeconfig-secret.js';
import { repoRequests } from '../../vcluster/list.js';
import { openReader, withClient } from '../../cluster/connect.js';
import { getObject, isMissing, paths } from '../../vcluster/platform-api.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import { defaultKubeconfigPath, writeKubeconfig } from '../../vcluster/write-kubeconfig.js';
import { withClusterOptions, type Flags } from './options.js';

export function kubeconfigCommand(setExitCode: (code: number) => void): Command {
  const command = new Command('kubeconfig')
    .alias('connect')
    .argument('<name>', 'vCluster name')
    .description('Write the vCluster\'s kubeconfig to ~/.kube/hctl/NAME.yaml (0600) and print only its path: export KUBECONFIG=$(hctl vcluster kubeconfig NAME)')
    .option('-o, --output <file>', 'write here instead of ~/.kube/hctl/NAME.yaml');
  return withClusterOptions(command).action(async (name: string, flags: Flags & { output?: string }) => {
    const { repoDir, config } = resolveRepo(flags);
    await withClient(await openReader(flags, config), async (client) => {
      const request = await getObject(client, paths.request(config.platform, name));
      const live = isMissing(request) ? undefined : request;
      // The request says where the vCluster lives; the seed's tool assumed the namespace was the name.
      const namespace = (live?.spec?.targetNamespace as string | undefined) || repoTargetNamespace(repoDir, config, name) || name;
      const found = await findKubeconfig(client, namespace, name, live?.status?.credentials?.kubeconfigSecret);
      if (isMissing(found)) {
        const hint = found.missing === 'forbidden' ? 'ask for get on secrets in that namespace' : `is the vCluster Ready? hctl vcluster status ${name}`;
        throw new UsageError(`no kubeconfig for vCluster ${name}: ${found.message} (${hint})`);
      }
      const file = path.resolve(flags.output ?? defaultKubeconfigPath(name));
      await writeKubeconfig(file, found.content, `secret ${namespace}/${found.secret} key ${found.key}`);
      process.stderr.write(`Kubeconfig for vCluster ${name} written to ${file} (from secret ${namespace}/${found.secret}, key ${found.key})\n`);
      process.stdout.write(`${file}\n`);
    });
    setExitCode(0);
  });
}

function repoTargetNamespace(repoDir: string, config: ResolvedConfig, name: string): string | undefined {
  const target = repoRequests(repoDir, config).get(name)?.body.spec?.targetNamespace;
  return typeof target === 'string' ? target : undefined;
}
