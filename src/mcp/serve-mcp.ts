import pLimit from 'p-limit';
import { describeFailure, internalErrorMessage } from '../cli/failure.js';
import { VERSION } from '../cli/package-info.js';
import { RecentReports } from './recent-reports.js';
import type { HctlTool, ServerSettings, ToolContext } from './tool.js';
import { checkRepoTool } from './tools/check-repo.js';
import { clusterHealthTool } from './tools/cluster-health.js';
import { debugPodTool } from './tools/debug-pod.js';
import { netpolTool } from './tools/netpol.js';
import { renderKustomizationTool } from './tools/render-kustomization.js';
import { explainRuleTool, listRulesTool } from './tools/rules.js';

export const TOOLS: readonly HctlTool[] = [checkRepoTool, clusterHealthTool, debugPodTool, netpolTool, renderKustomizationTool, listRulesTool, explainRuleTool] as unknown as HctlTool[];

const INSTRUCTIONS = `hctl gives one honest verdict on a homelab GitOps repository or Kubernetes cluster, with the exact file, line and object.
- Before committing changes to a Flux or Argo CD repository: check_repo on it; fix every critical finding (NO-GO) first.
- Is the cluster healthy, or what is broken: cluster_health; then debug_pod on a pod it names, netpol on a namespace whose traffic is blocked.
- explain_rule tells why a rule exists and how to fix or suppress what it found; render_kustomization shows what a kustomization builds.
Every tool is read-only: none changes the repository or the cluster, and none returns a Secret's values.
Findings come most severe first, a page at a time: the verdict and counts at the top cover them all; a "More:" line gives the next page's offset.`;

/**
 * Serves hctl's tools over stdio until the client closes the stream. Tools run one at a time: a
 * check and a health read each already use both cores and the cluster's request budget, and the
 * check cache expects one run at a time.
 */
export async function serveMcp(settings: ServerSettings): Promise<void> {
  const { McpServer } = await import('@modelcontextprotocol/sdk/server/mcp.js');
  const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
  const server = new McpServer({ name: 'hctl', version: VERSION }, { instructions: INSTRUCTIONS });
  const context: ToolContext = { settings, recent: new RecentReports() };
  const oneAtATime = pLimit(1);
  for (const tool of TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: tool.readsCluster },
      },
      (args: Record<string, unknown>) => oneAtATime(() => callTool(tool, args, context)),
    );
  }
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  // The client ends the session by closing our stdin (the transport itself does not notice); what it
  // asked before that is answered first, as calls queue behind each other.
  process.stdin.once('end', () => setImmediate(() => void oneAtATime(() => server.close())));
  await server.connect(transport);
  await closed;
}

/** A tool's text, or what went wrong as a tool error the agent can act on (never a stack trace, never a crash). */
export async function callTool(tool: HctlTool, args: Record<string, unknown>, context: ToolContext): Promise<{ content: { type: 'text'; text: string }[]; isError?: boolean }> {
  try {
    return { content: [{ type: 'text', text: await tool.run(args as never, context) }] };
  } catch (error) {
    const failure = describeFailure(error);
    return { content: [{ type: 'text', text: failure ? `${tool.name}: ${failure.message}` : `${tool.name}: ${internalErrorMessage(error)}` }], isError: true };
  }
}
