import { z } from 'zod';
import { runDebugPod } from '../../cli/debug.js';
import { renderPodText } from '../../report/render-pod-text.js';
import { clusterFlags, contextInput } from '../inputs.js';
import { defineTool } from '../tool.js';

export const debugPodTool = defineTool({
  name: 'debug_pod',
  title: 'Everything about one pod',
  description:
    'One report instead of ten kubectl commands (read-only): status and conditions, node, owners up to the Flux or Argo CD object ' +
    'that applied them, containers (state, last termination, resources, probes, usage), volumes and claims, referenced Secrets and ' +
    'ConfigMaps (keys only, never values), Services and NetworkPolicies, events, the last log lines, and the checks that concern it, ' +
    'with a verdict. Use it on a pod cluster_health names.',
  input: {
    pod: z.string().describe('NAMESPACE/POD, or POD with namespace; a Deployment-style prefix (media/sonarr) picks its one pod'),
    namespace: z.string().optional().describe("the namespace of a bare POD (default: the context's, else default)"),
    tail_lines: z.number().int().min(0).max(500).default(20).describe('log lines per container (0: none)'),
    format: z.enum(['text', 'json']).default('text').describe('text: the report as `hctl debug pod` prints it; json: as --format json'),
    ...contextInput,
  },
  readsCluster: true,
  async run(args, { settings }) {
    const report = await runDebugPod(args.pod, { ...clusterFlags(settings, args.context), tail: String(args.tail_lines), ...(args.namespace !== undefined ? { namespace: args.namespace } : {}) });
    return args.format === 'json' ? JSON.stringify(report) : renderPodText(report, { color: false, minSeverity: 'info' });
  },
});
