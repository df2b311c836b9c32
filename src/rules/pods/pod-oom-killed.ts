import { containerLabel, containerSpec, containerStatuses } from '../../k8s/container-statuses.js';
import { ageOf, formatDuration } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-oom-killed',
    domain: 'pods',
    severity: 'warning',
    title: 'A container was OOMKilled in its last termination',
    source: 'seed 000 /pod-debug; seed 004 AAR (memory limits); anchors-live §8 (kubernetes-mcp-server OOM check)',
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      for (const status of containerStatuses(pod)) {
        // Crash-looping containers are reported (with the OOM) by pod-crash-looping.
        if (status.state?.waiting?.reason === 'CrashLoopBackOff') continue;
        const killed = status.state?.terminated?.reason === 'OOMKilled' ? status.state.terminated : status.lastState?.terminated?.reason === 'OOMKilled' ? status.lastState.terminated : undefined;
        if (!killed) continue;
        const container = containerSpec(pod, status.name);
        const limit = container?.resources?.limits?.memory;
        const age = ageOf(killed.finishedAt, context.now);
        context.report({
          object: pod,
          message: `${containerLabel(status)} was OOMKilled${age !== undefined ? ` ${formatDuration(age)} ago` : ''}${limit ? ` (memory limit ${limit})` : ' (no memory limit: the node ran out)'}`,
          hint: limit ? 'Raise the memory limit (and request) above its real peak, or fix the leak.' : 'Set a memory request and limit so the scheduler places it where memory exists.',
        });
      }
    }
  },
} satisfies HealthRule;
