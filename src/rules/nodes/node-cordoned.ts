import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'node-cordoned',
    domain: 'nodes',
    severity: 'warning',
    title: 'A node is cordoned (unschedulable)',
    source: 'seed 002 incident triage (a node left cordoned after maintenance); Popeye node checks',
  },
  reads: ['Node'],
  check(context) {
    for (const node of context.list('Node')) {
      if (node.spec?.unschedulable !== true) continue;
      context.report({
        object: node,
        message: 'is cordoned: no new pods are scheduled on it',
        hint: `When maintenance is over: kubectl uncordon ${node.metadata.name}.`,
      });
    }
  },
} satisfies HealthRule;
