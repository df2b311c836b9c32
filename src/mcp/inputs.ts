import { z } from 'zod';
import { SEVERITIES } from '../report/finding.js';
import type { FindingFilter, PageRequest } from './findings-page.js';
import type { ServerSettings } from './tool.js';
import type { ConnectionFlags } from '../cli/cluster-options.js';
import { UsageError } from '../config/errors.js';

/** The largest page a tool returns: ~50 KB of text, well inside an agent's context. */
export const MAX_LIMIT = 200;

/** Inputs every tool that lists findings takes: which ones, and which page of them. */
export const findingInputs = {
  min_severity: z.enum(SEVERITIES).default('warning').describe('list findings from this severity up (the verdict and counts always cover all); default warning'),
  rule: z.string().optional().describe('only this rule id (list_rules lists them)'),
  namespace: z.string().optional().describe("only findings about objects in this namespace"),
  offset: z.number().int().min(0).default(0).describe('skip this many matching findings: the "More:" line of the previous page gives it'),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(50).describe(`findings per page (at most ${MAX_LIMIT})`),
  format: z.enum(['text', 'json']).default('text').describe('text: compact lines; json: the findings as hctl --format json has them'),
};

export const contextInput = {
  context: z.string().optional().describe("kubeconfig context to read (default: the one hctl mcp was started with, else the kubeconfig's current context)"),
};

export function filterOf(args: { min_severity: FindingFilter['minSeverity']; rule?: string | undefined; namespace?: string | undefined }): FindingFilter {
  return { minSeverity: args.min_severity, rule: args.rule, namespace: args.namespace };
}

export function pageOf(args: { offset: number; limit: number; format: 'text' | 'json' }): PageRequest {
  return { offset: args.offset, limit: args.limit, format: args.format };
}

/** The flags a cluster tool runs with: the server's snapshot, or its connection with the context the agent named. */
export function clusterFlags(settings: ServerSettings, context: string | undefined): ConnectionFlags & { snapshot?: string; config?: string } {
  if (settings.snapshot && context !== undefined) {
    throw new UsageError(`this server reads the snapshot ${settings.snapshot}, not a cluster: leave out context, or start hctl mcp without --snapshot`);
  }
  return {
    ...settings.connection,
    ...(context !== undefined ? { context } : {}),
    ...(settings.snapshot ? { snapshot: settings.snapshot } : {}),
    ...(settings.config ? { config: settings.config } : {}),
  };
}
