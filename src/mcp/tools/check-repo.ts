import path from 'node:path';
import { z } from 'zod';
import { runCheck } from '../../cli/check.js';
import { PROFILES } from '../../config/profiles.js';
import { findingsPage } from '../findings-page.js';
import { filterOf, findingInputs, pageOf } from '../inputs.js';
import { defineTool } from '../tool.js';

export const checkRepoTool = defineTool({
  name: 'check_repo',
  title: 'Check a GitOps repository (offline GO/NO-GO)',
  description:
    'Judges a Flux or Argo CD repository before it is pushed, offline: schemas of Kubernetes and CRDs, kustomize and Flux builds, ' +
    'secrets in plain text, network policies, deprecated APIs and the homelab rules. Returns GO or NO-GO with the counts, then the ' +
    'findings, each with file:line:column, the object, the rule and a hint. Run it after editing manifests and before committing.',
  input: {
    path: z.string().describe("the repository directory, or one manifest file (relative to the server's working directory)"),
    within: z.string().optional().describe('only findings in this file or directory, relative to path'),
    base: z.string().optional().describe('a git revision to compare with (origin/main, a tag): also reports changes Kubernetes will not apply in place and removals that prune data'),
    kubernetes_version: z.string().optional().describe('the Kubernetes version the repository deploys to, for deprecated and removed APIs (default 1.35, or the config file\'s)'),
    profile: z.enum(Object.keys(PROFILES) as [string, ...string[]]).optional().describe('rule profile (default: the config file\'s)'),
    ...findingInputs,
  },
  readsCluster: false,
  async run(args, { recent }) {
    const flags = {
      schemaDir: [],
      repoUrl: [],
      ...(args.base !== undefined ? { base: args.base } : {}),
      ...(args.kubernetes_version !== undefined ? { kubernetesVersion: args.kubernetes_version } : {}),
      ...(args.profile !== undefined ? { profile: args.profile } : {}),
    };
    const key = JSON.stringify(['check', path.resolve(args.path), flags]);
    const report = await recent.get(key, args.offset === 0, () => runCheck(args.path, flags));
    return findingsPage(report, { ...filterOf(args), path: args.within }, pageOf(args));
  },
});
