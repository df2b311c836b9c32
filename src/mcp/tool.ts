import type { z } from 'zod';
import type { ConnectionFlags } from '../cli/cluster-options.js';
import type { RecentReports } from './recent-reports.js';

/** What `hctl mcp` was started with: where cluster tools read from. */
export interface ServerSettings {
  /** A snapshot directory (`hctl snapshot`) the cluster tools read instead of a live cluster. */
  snapshot?: string;
  connection: ConnectionFlags;
  /** The config file (default: .hctl.yaml from the server's working directory up). */
  config?: string;
}

export interface ToolContext {
  settings: ServerSettings;
  recent: RecentReports;
}

/** One MCP tool: ESLint-rule-like, a name and description, its input, and a `run` that returns the text the agent reads. */
export interface HctlTool<Shape extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: Shape;
  /** It reads a cluster (or the snapshot the server was given), not only local files. */
  readsCluster: boolean;
  run(args: z.infer<z.ZodObject<Shape>>, context: ToolContext): Promise<string>;
}

/** Declares a tool with its input's type inferred from its schema. */
export function defineTool<Shape extends z.ZodRawShape>(tool: HctlTool<Shape>): HctlTool<Shape> {
  return tool;
}
