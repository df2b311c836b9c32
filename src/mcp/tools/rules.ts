import { z } from 'zod';
import { listRules } from '../../cli/check.js';
import { ruleDocumentation } from '../../cli/explain.js';
import { listHealthRules } from '../../cli/health.js';
import { defineTool } from '../tool.js';

export const listRulesTool = defineTool({
  name: 'list_rules',
  title: 'List the rules',
  description: "Lists hctl's rules with id, severity, domain and title: those of check_repo (the repository) and of cluster_health (the cluster).",
  input: {
    of: z.enum(['check', 'health']).optional().describe('only the rules of check_repo or of cluster_health (default: both)'),
  },
  readsCluster: false,
  async run(args) {
    const check = args.of !== 'health' ? [`check_repo rules:\n${listRules('text')}`] : [];
    const health = args.of !== 'check' ? [`cluster_health checks:\n${listHealthRules('text')}`] : [];
    return [...check, ...health].join('\n');
  },
});

export const explainRuleTool = defineTool({
  name: 'explain_rule',
  title: "A rule's documentation",
  description: "A rule's page: why it exists (the incident behind it), bad and good YAML, how to fix it and how to suppress it.",
  input: {
    rule: z.string().describe('the rule id a finding names, e.g. netpol-allow-all-rule'),
  },
  readsCluster: false,
  async run(args) {
    return ruleDocumentation(args.rule);
  },
});
