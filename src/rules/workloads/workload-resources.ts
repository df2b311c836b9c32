import { appTemplateContainers } from '../../k8s/app-template.js';
import { containersIn } from '../../k8s/pod-templates.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

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
      const resources = asRecord(ref.container.resources);
      judge(context, cpuLimit, { object: ref.template.object, label: `${kindOf(ref.list)} ${ref.name}`, resources, path: resources ? [...ref.path, 'resources'] : ref.path, key: resources !== undefined });
    }
    // bjw-s app-template renders its workloads from chart values: the same rule, read from there.
    for (const container of appTemplateContainers(context.objects)) {
      const resources = asRecord(container.values.resources);
      const label = `${kindOf(container.list)} ${container.name} of controller ${container.controller}`;
      judge(context, cpuLimit, { object: container.object, label, resources, path: resources ? container.pathOf('resources') : container.path, key: true });
    }
  },
} satisfies Rule;

const kindOf = (list: 'containers' | 'initContainers') => (list === 'initContainers' ? 'Init container' : 'Container');

interface Resources {
  object: KubeObject;
  /** `Container web`, `Init container wait`: how the messages name it. */
  label: string;
  resources: Record<string, unknown> | undefined;
  /** Its `resources`, else the container itself. */
  path: NodePath;
  /** Whether the finding points at the key `path` ends in (`resources:`, an app-template container's name), not its value. */
  key: boolean;
}

function judge(context: RuleContext, cpuLimit: CpuLimitPolicy, { object, label, resources, path, key }: Resources): void {
  const requests = asRecord(resources?.requests) ?? {};
  const limits = asRecord(resources?.limits) ?? {};
  const missing: string[] = [];
  if (requests.cpu === undefined) missing.push('CPU request');
  if (requests.memory === undefined && limits.memory === undefined) missing.push('memory request');
  if (limits.memory === undefined) missing.push('memory limit');
  if (cpuLimit === 'require' && limits.cpu === undefined) missing.push('CPU limit');
  if (missing.length > 0) {
    context.report({
      object,
      path,
      key,
      message: `${label} has no ${joinList(missing)}`,
      hint:
        missing.length === 1 && missing[0] === 'CPU limit'
          ? 'Set resources.limits.cpu: this repo uses the cpu-limits profile (Kyverno require-resource-limits).'
          : 'Set resources.requests (cpu, memory) and resources.limits.memory so the scheduler can place it and an OOM stays inside the pod.',
    });
  }
  if (cpuLimit === 'forbid' && limits.cpu !== undefined) {
    context.report({
      object,
      path: [...path, 'limits', 'cpu'],
      key: true,
      message: `${label} sets a CPU limit (${String(limits.cpu)}), which throttles it even when the node is idle`,
      hint: 'Remove limits.cpu and keep the CPU request (the no-cpu-limits profile, seed 003 golden rules).',
    });
  }
}

function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
