import { containersIn } from '../../k8s/pod-templates.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export type CpuLimitPolicy = 'ignore' | 'require' | 'forbid';

export default {
  meta: {
    id: 'workload-resources',
    domain: 'workloads',
    severity: 'warning',
    title: 'A container without resource requests or a memory limit (CPU limit per profile)',
    source:
      'W1; seed 000 (Tempo OOMKill; init containers and CronJobs without limits); seed 003 ("Always specify resource requests/limits"; golden rules: never set CPU limits)',
    options: { cpuLimit: 'ignore' },
    optionChoices: { cpuLimit: ['ignore', 'require', 'forbid'] },
  },
  check(context) {
    const cpuLimit = context.options.cpuLimit as CpuLimitPolicy;
    for (const ref of containersIn(context.objects)) {
      const object = ref.template.object;
      const resources = asRecord(ref.container.resources);
      const requests = asRecord(resources?.requests) ?? {};
      const limits = asRecord(resources?.limits) ?? {};
      const missing: string[] = [];
      if (requests.cpu === undefined) missing.push('CPU request');
      if (requests.memory === undefined && limits.memory === undefined) missing.push('memory request');
      if (limits.memory === undefined) missing.push('memory limit');
      if (cpuLimit === 'require' && limits.cpu === undefined) missing.push('CPU limit');
      const kind = ref.list === 'initContainers' ? 'Init container' : 'Container';
      const path = resources ? [...ref.path, 'resources'] : ref.path;
      if (missing.length > 0) {
        context.report({
          object,
          path,
          key: resources !== undefined,
          message: `${kind} ${ref.name} has no ${joinList(missing)}`,
          hint:
            missing.length === 1 && missing[0] === 'CPU limit'
              ? 'Set resources.limits.cpu: this repo uses the cpu-limits profile (Kyverno require-resource-limits).'
              : 'Set resources.requests (cpu, memory) and resources.limits.memory so the scheduler can place it and an OOM stays inside the pod.',
        });
      }
      if (cpuLimit === 'forbid' && limits.cpu !== undefined) {
        context.report({
          object,
          path: [...ref.path, 'resources', 'limits', 'cpu'],
          key: true,
          message: `${kind} ${ref.name} sets a CPU limit (${String(limits.cpu)}), which throttles it even when the node is idle`,
          hint: 'Remove limits.cpu and keep the CPU request (the no-cpu-limits profile, seed 003 golden rules).',
        });
      }
    }
  },
} satisfies Rule;

function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
