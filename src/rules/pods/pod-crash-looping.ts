import { containerLabel, containerStatuses } from '../../k8s/container-statuses.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-crash-looping',
    domain: 'pods',
    severity: 'critical',
    title: 'A container is in CrashLoopBackOff',
    source: 'seed 000 /pod-debug; seed 001 health-check.sh; seed 002 triage; seed 004 AAR (DCGM pods stuck)',
  },
  reads: ['Pod'],
  check(context) {
    for (const pod of context.list('Pod')) {
      for (const status of containerStatuses(pod)) {
        if (status.state?.waiting?.reason !== 'CrashLoopBackOff') continue;
        const last = status.lastState?.terminated;
        const lastRun = last ? `; last exit: ${last.reason ?? 'Error'}${last.exitCode !== undefined ? ` (code ${last.exitCode})` : ''}` : '';
        context.report({
          object: pod,
          message: `${containerLabel(status)} is crash-looping (${status.restartCount ?? 0} restarts${lastRun})`,
          hint: `Read the crashed run's log: kubectl logs -n ${pod.metadata.namespace} ${pod.metadata.name} -c ${status.name} --previous${last?.reason === 'OOMKilled' ? '; it was OOMKilled, so raise its memory limit' : ''}.`,
        });
      }
    }
  },
} satisfies HealthRule;
