import { containerStatuses, totalRestarts } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'etcd-pod-unhealthy',
    domain: 'etcd',
    severity: 'critical',
    title: "A kubeadm etcd static pod is not ready or keeps restarting",
    source: 'seed 000 /etcd-check (etcd pods); seed 002 triage (control-plane pods)',
    options: { restarts: 5 },
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      if (pod.metadata.namespace !== 'kube-system' || pod.metadata.labels?.component !== 'etcd') continue;
      const notReady = containerStatuses(pod).filter((status) => status.ready === false);
      if (notReady.length > 0 || pod.status?.phase !== 'Running') {
        context.report({ object: pod, message: `is not ready (${pod.status?.phase ?? 'unknown phase'}): this control-plane node's etcd member is down`, hint: `crictl logs on the node (kubectl logs -n kube-system ${pod.metadata.name}) shows why; check disk space and the member's certificates.` });
        continue;
      }
      const restarts = totalRestarts(pod);
      if (restarts >= Number(context.options.restarts)) {
        context.report({ object: pod, severity: 'warning', message: `has restarted ${restarts} times`, hint: `kubectl logs -n kube-system ${pod.metadata.name} --previous; frequent restarts usually mean slow disks or memory pressure.` });
      }
    }
  },
} satisfies HealthRule;
