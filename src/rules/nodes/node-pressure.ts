import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import type { HealthRule } from '../health-rule.js';

const PRESSURES = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'] as const;

export default {
  meta: {
    id: 'node-pressure',
    domain: 'nodes',
    severity: 'warning',
    title: 'A node reports memory, disk or PID pressure, or an unavailable network',
    source: 'seed 000 /disk-check; seed 003 cluster-health-monitor.ts (node conditions)',
  },
  reads: ['Node'],
  check(context) {
    for (const node of context.list('Node')) {
      for (const type of PRESSURES) {
        const condition = conditionOf(node.status, type);
        if (condition?.status !== 'True') continue;
        context.report({
          object: node,
          message: `${type} (${describeCondition(condition)}): the kubelet ${type === 'NetworkUnavailable' ? 'has no pod network' : 'is evicting pods or refusing new ones'}`,
          hint: type === 'DiskPressure'
            ? 'Free disk on the node: prune images (crictl rmi --prune), old logs and unused PVs.'
            : type === 'NetworkUnavailable'
              ? 'Check the CNI pods on this node (Cilium, Flannel, Calico).'
              : 'Find the heaviest pods on the node (kubectl top pod -A --sort-by memory) and set limits, or add capacity.',
        });
      }
    }
  },
} satisfies HealthRule;
