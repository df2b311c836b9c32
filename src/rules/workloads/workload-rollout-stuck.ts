import type { LiveObject } from '../../cluster/cluster-state.js';
import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { controllerOf } from '../../k8s/container-statuses.js';
import { ageOf, formatDuration, MINUTE } from '../../text/duration.js';
import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'workload-rollout-stuck',
    domain: 'workloads',
    severity: 'critical',
    title: 'A rollout is stuck: a Deployment past its progress deadline, or a StatefulSet or DaemonSet whose updated pod never became Ready',
    source: 'seed 002 triage (stuck rollouts); Argo CD health (Deployment Progressing=False → Degraded; StatefulSet/DaemonSet rollout waiting)',
    options: { minutes: 10 },
  },
  reads: ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'],
  check(context) {
    for (const deployment of context.list('Deployment')) {
      const progressing = conditionOf(deployment.status, 'Progressing');
      if (progressing?.status !== 'False' || progressing.reason !== 'ProgressDeadlineExceeded') continue;
      context.report({
        object: deployment,
        message: `rollout stuck (${describeCondition(progressing)}); ${deployment.status?.updatedReplicas ?? 0}/${deployment.spec?.replicas ?? 1} replicas updated`,
        hint: `kubectl rollout status -n ${deployment.metadata.namespace} deployment/${deployment.metadata.name}; fix the new pods, or kubectl rollout undo.`,
      });
    }

    // StatefulSets and DaemonSets have no progress deadline: a rolling update simply waits, forever,
    // for an updated pod that never becomes Ready. That pod's age is how long it has waited.
    const podsByOwner = new Map<string, LiveObject[]>();
    for (const pod of context.list('Pod')) {
      const owner = controllerOf(pod);
      if (!owner) continue;
      const key = `${owner.kind}/${pod.metadata.namespace}/${owner.name}`;
      const pods = podsByOwner.get(key);
      if (pods) pods.push(pod);
      else podsByOwner.set(key, [pod]);
    }
    const minutes = Number(context.options.minutes);
    const stuckPod = (kind: string, workload: LiveObject, isUpdated: (pod: LiveObject) => boolean) =>
      (podsByOwner.get(`${kind}/${workload.metadata.namespace}/${workload.metadata.name}`) ?? [])
        .filter((pod) => isUpdated(pod) && !pod.metadata.deletionTimestamp && conditionOf(pod.status, 'Ready')?.status !== 'True')
        .map((pod) => ({ pod, age: ageOf(pod.metadata.creationTimestamp, context.now) ?? 0 }))
        .filter(({ age }) => age >= minutes * MINUTE)
        .sort((a, b) => b.age - a.age)[0];
    const report = (kind: string, workload: LiveObject, found: { pod: LiveObject; age: number }, progress: string) => {
      const resource = kind.toLowerCase();
      context.report({
        object: workload,
        message: `rollout stuck: updated pod ${found.pod.metadata.name} not Ready for ${formatDuration(found.age)}; ${progress}`,
        hint: `kubectl rollout status -n ${workload.metadata.namespace} ${resource}/${workload.metadata.name}; kubectl describe pod -n ${workload.metadata.namespace} ${found.pod.metadata.name} shows why; fix the change in Git, or kubectl rollout undo ${resource}/${workload.metadata.name}.`,
      });
    };

    for (const set of context.list('StatefulSet')) {
      const { updateRevision, currentRevision } = set.status ?? {};
      if (!updateRevision || updateRevision === currentRevision || (set.status?.observedGeneration ?? 0) < (set.metadata.generation ?? 0)) continue;
      const found = stuckPod('StatefulSet', set, (pod) => pod.metadata.labels?.['controller-revision-hash'] === updateRevision);
      if (found) report('StatefulSet', set, found, `${set.status?.updatedReplicas ?? 0}/${set.spec?.replicas ?? 1} replicas updated`);
    }

    for (const daemonSet of context.list('DaemonSet')) {
      const status = daemonSet.status ?? {};
      const desired = status.desiredNumberScheduled ?? 0;
      if ((status.updatedNumberScheduled ?? 0) >= desired && (status.numberUnavailable ?? 0) === 0) continue;
      if ((status.observedGeneration ?? 0) < (daemonSet.metadata.generation ?? 0)) continue;
      // DaemonSet pods carry the generation of the template they were made from.
      const generation = String(daemonSet.metadata.generation ?? '');
      const found = stuckPod('DaemonSet', daemonSet, (pod) => pod.metadata.labels?.['pod-template-generation'] === generation);
      if (found) report('DaemonSet', daemonSet, found, `${status.updatedNumberScheduled ?? 0}/${desired} nodes updated`);
    }
  },
} satisfies HealthRule;
