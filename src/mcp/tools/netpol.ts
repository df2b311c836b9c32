import { z } from 'zod';
import { runNetpol } from '../../cli/netpol.js';
import { renderNetpolText } from '../../report/render-netpol-text.js';
import { clusterFlags, contextInput } from '../inputs.js';
import { defineTool } from '../tool.js';

export const netpolTool = defineTool({
  name: 'netpol',
  title: "One namespace's network policies",
  description:
    "Explains a namespace's NetworkPolicies (read-only): default-deny per direction, each policy's rules in words with the " +
    'namespaces its selectors match, which workloads are isolated and whether DNS gets out, which Service ports a rule admits, ' +
    'and the checks (blocked ports, blocked DNS, selectors that match nothing), with a verdict.',
  input: {
    namespace: z.string().describe('the namespace to analyse'),
    format: z.enum(['text', 'json']).default('text').describe('text: the report as `hctl netpol` prints it; json: as --format json'),
    ...contextInput,
  },
  readsCluster: true,
  async run(args, { settings }) {
    const report = await runNetpol(args.namespace, clusterFlags(settings, args.context));
    return args.format === 'json' ? JSON.stringify(report) : renderNetpolText(report, { color: false, minSeverity: 'info' });
  },
});
