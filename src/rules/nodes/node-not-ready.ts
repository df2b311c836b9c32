import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { ageOf, formatDuration } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'node-not-ready',
    domain: 'nodes',
    severity: 'critical',
    title: 'A node is not Ready',
    source: 'seed 000 /cluster-health; seed 001 health-check.sh; seed 003 k8s-health-check.ts',
  },
  reads: ['Node'],
  check(context) {
    for (const node of context.list('Node')) {
      const ready = conditionOf(node.status, 'Ready');
      if (ready?.status === 'True') continue;
      const age = ageOf(ready?.lastTransitionTime, context.now);
      const state = ready ? (ready.status === 'Unknown' ? 'NotReady (status Unknown)' : 'NotReady') : 'without a Ready condition';
      context.report({
        object: node,
        message: `${state}${age !== undefined ? ` for ${formatDuration(age)}` : ''}${ready ? ` (${describeCondition(ready)})` : ''}`,
        hint: `Look at the kubelet on the node (journalctl -u kubelet, or talosctl/k3s logs) and at kubectl describe node ${node.metadata.name}.`,
      });
    }
  },
} satisfies HealthRule;
