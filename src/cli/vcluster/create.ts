import { Command, Option } from 'commander';
import { yaml } from '../../lazy-packages.js';
import { RefusedError } from '../../config/errors.js';
import { GIT_MODES } from '../../config/platform.js';
import { createVCluster, describeGit } from '../../vcluster/create.js';
import { promptIfTerminal } from '../../vcluster/prompter.js';
import { resolveRepo } from '../../vcluster/repo-dir.js';
import type { CreateFlags } from '../../vcluster/request-input.js';
import { renderStatusText } from '../../vcluster/status.js';
import { waitForVCluster } from './status.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CreateCommandFlags extends CreateFlags {
  repo?: string;
  config?: string;
  nonInteractive?: boolean;
  dryRun?: boolean;
  force?: boolean;
  gitMode?: string;
  autoCommit?: boolean;
  wait?: boolean;
  timeout: string;
  format: 'text' | 'json';
}

export function createCommand(setExitCode: (code: number) => void): Command {
  return new Command('create')
    .argument('[name]', 'vCluster name (DNS-1123 label); without it, on a terminal, a wizard asks')
    .description('Write a validated vCluster request to platform/vclusters/NAME.yaml and record it in Git')
    .option('--preset <preset>', 'base sizing: dev (1 replica, 768Mi, SQLite) or prod (3 replicas, 2Gi, etcd HA, 10Gi); default dev')
    .option('--replicas <n>', 'control-plane replicas (default: the preset)')
    .option('--hostname <host>', 'external API hostname (default: NAME.<platform.domain>)')
    .option('--environment <env>', 'Argo CD environment label (default: production)')
    .option('--k8s-version <version>', 'Kubernetes version of the virtual cluster (default: the pipeline default)')
    .option('--isolation <mode>', 'isolation mode: standard or strict (default: the preset)')
    .option('--subnet <cidr>', 'CIDR the VIP is allocated from')
    .option('--vip <ip>', 'static VIP for the vCluster API (inside --subnet)')
    .option('--api-port <port>', 'API port (default: 443)')
    .option('--persistence', 'persist the control plane on a volume (default: the preset)')
    .option('--no-persistence', 'no control-plane volume')
    .option('--persistence-size <size>', 'volume size, like 20Gi')
    .option('--storage-class <name>', 'storage class of the volume')
    .option('--enable-nfs', 'allow NFS egress from the vCluster namespace')
    .option('--extra-egress <rule>', 'extra egress name:cidr:port[:TCP|UDP] (repeatable)', collect)
    .option('--coredns-replicas <n>', 'CoreDNS replicas (default: the preset)')
    .option('--workload-repo-url <url>', 'Git URL of the workloads (default: this repo)')
    .option('--workload-repo-base-path <path>', 'prefix path in the workload repo')
    .option('--workload-repo-path <path>', 'manifest directory in the workload repo (default: workloads)')
    .option('--workload-repo-revision <rev>', 'branch or tag to track (default: main)')
    .option('--cluster-label <k=v>', 'Argo CD cluster label (repeatable)', collect)
    .option('--cluster-annotation <k=v>', 'Argo CD cluster annotation (repeatable)', collect)
    .option('--chart-version <version>', 'vCluster Helm chart version (default: platform.chartVersion, 0.31.0)')
    .option('--repo <dir>', 'the GitOps repo (default: repoPath in the config, else the Git work tree here)')
    .option('-c, --config <file>', 'repo config file (default: .hctl.yaml in the repo or above)')
    .addOption(new Option('--git-mode <mode>', 'generate (write only), stage, commit, auto (commit and push), prompt').choices([...GIT_MODES]))
    .option('--auto-commit', 'same as --git-mode auto')
    .option('--non-interactive', 'never ask; fail instead')
    .option('--dry-run', 'print the request and write nothing')
    .option('--force', 'replace an existing request')
    .option('--wait', 'after pushing, wait until the vCluster is Ready')
    .option('--timeout <seconds>', 'how long --wait waits', '300')
    .addOption(new Option('-f, --format <format>', 'json: one JSON result on stdout (file, preset, replicas, git steps), the messages on stderr').choices(['text', 'json']).default('text'))
    .action(async (name: string | undefined, flags: CreateCommandFlags) => {
      const { repoDir, config } = resolveRepo(flags);
      const prompter = promptIfTerminal(flags.nonInteractive, config.interactive);
      const json = flags.format === 'json';
      const out = (text: string) => (json ? process.stderr : process.stdout).write(text);
      const gitMode = flags.autoCommit ? 'auto' : flags.gitMode;
      try {
        const result = await createVCluster({
          ...(name !== undefined ? { name } : {}),
          flags,
          repoDir,
          config,
          force: flags.force ?? false,
          dryRun: flags.dryRun ?? false,
          ...(gitMode ? { gitMode } : {}),
          ...(prompter ? { prompter } : {}),
          out,
        });
        if (flags.dryRun && !json) process.stdout.write(result.yaml);
        out(describeGit(result.git, result.name));
        if (result.recovery) process.stderr.write(`hctl: the push was rejected: ${result.git!.pushFailed}\n${result.recovery}\n`);
        if (flags.wait && !result.git?.pushed && !flags.dryRun) process.stderr.write('hctl: not waiting: --wait follows a pushed request (git mode auto)\n');
        const status = flags.wait && result.git?.pushed ? await waitForVCluster(result.name, repoDir, config, flags.timeout) : undefined;
        if (status && !json) out(renderStatusText(status));
        if (json) {
          const summary = {
            name: result.name,
            file: result.file,
            preset: result.input.preset.name,
            replicas: result.input.replicas,
            dryRun: flags.dryRun ?? false,
            ...(flags.dryRun ? { request: yaml().parse(result.yaml) as unknown } : {}),
            git: result.git ?? null,
            ...(result.recovery ? { recovery: result.recovery } : {}),
            ...(status ? { phase: status.phase } : {}),
          };
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        }
        setExitCode(result.recovery ? 3 : (status?.exitCode ?? 0));
      } catch (error) {
        if ((error as Error).name === 'ExitPromptError') throw new RefusedError('cancelled; nothing was written');
        throw error;
      }
    });
}
