import { z } from 'zod';
import { runHealth } from '../../cli/health.js';
import { HEALTH_DOMAINS } from '../../cluster/resources.js';
import { findingsPage } from '../findings-page.js';
import { clusterFlags, contextInput, filterOf, findingInputs, pageOf } from '../inputs.js';
import { defineTool } from '../tool.js';

export const clusterHealthTool = defineTool({
  name: 'cluster_health',
  title: 'Health of the live cluster',
  description:
    'Reads the cluster (read-only; never Secret data) and judges it: nodes, pods, workloads, Flux, Argo CD, storage, network, ' +
    'certificates, secrets, backups, etcd and events. Returns HEALTHY, WARNING or CRITICAL with per-domain counts, then the findings ' +
    'with the object, the rule and a hint. Pages after the first come from the same reading.',
  input: {
    domains: z.array(z.enum(HEALTH_DOMAINS)).min(1).optional().describe('read and judge only these domains (default: all)'),
    domain: z.enum(HEALTH_DOMAINS).optional().describe('list only the findings of this domain (all domains are still judged)'),
    ...findingInputs,
    ...contextInput,
  },
  readsCluster: true,
  async run(args, { settings, recent }) {
    const flags = { ...clusterFlags(settings, args.context), ...(args.domains ? { only: args.domains.join(',') } : {}) };
    const key = JSON.stringify(['health', flags]);
    const report = await recent.get(key, args.offset === 0, () => runHealth(flags));
    return findingsPage(report, { ...filterOf(args), domain: args.domain }, pageOf(args));
  },
});
