import { containerLabel, containerSpec, containerStatuses } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

const PULL_FAILURES = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

export default {
  meta: {
    id: 'pod-image-pull-failing',
    domain: 'pods',
    severity: 'critical',
    title: 'A container image cannot be pulled',
    source: 'seed 000 /pod-debug; seed 003 k8s-health-check.ts (ImagePullBackOff)',
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      for (const status of containerStatuses(pod)) {
        const waiting = status.state?.waiting;
        if (!waiting?.reason || !PULL_FAILURES.has(waiting.reason)) continue;
        const image = containerSpec(pod, status.name)?.image;
        context.report({
          object: pod,
          message: `${containerLabel(status)}: ${waiting.reason}${image ? ` for ${image}` : ''}${waiting.message ? ` (${waiting.message.split('\n')[0]})` : ''}`,
          hint: 'Check the image name and tag exist in the registry, and that imagePullSecrets grant access to private registries.',
        });
      }
    }
  },
} satisfies HealthRule;
