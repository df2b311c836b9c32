import type { LiveObject } from '../../cluster/cluster-state.js';
import { conditionOf, describeCondition } from '../../k8s/conditions.js';
import { eventsAbout } from '../../k8s/events.js';
import { missingReferences, type MissingReference } from '../../k8s/missing-references.js';
import type { HealthContext, HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'pod-reference-missing',
    domain: 'pods',
    severity: 'critical',
    title: 'A pod cannot start: a Secret, ConfigMap or PersistentVolumeClaim it names does not exist (or lacks the key it reads)',
    source: 'seed 000 /pod-debug; seed 001 (ESO SecretSyncedError after a Vault seal: pods stuck in CreateContainerConfigError); the kubelet\'s CreateContainerConfigError and FailedMount messages',
  },
  reads: ['Pod', 'Event', 'PersistentVolumeClaim', 'ExternalSecret'],
  check(context) {
    const events = context.list('Event');
    const claimsRead = context.cluster.reads.get('PersistentVolumeClaim')?.state === 'read';
    const claimsByNamespace = new Map<string, Set<string>>();
    for (const claim of context.list('PersistentVolumeClaim')) {
      const namespace = claim.metadata.namespace ?? '';
      claimsByNamespace.set(namespace, (claimsByNamespace.get(namespace) ?? new Set()).add(claim.metadata.name));
    }
    for (const pod of context.list('Pod')) {
      const claims = claimsRead ? (claimsByNamespace.get(pod.metadata.namespace ?? '') ?? new Set<string>()) : undefined;
      for (const missing of missingReferences(pod, eventsAbout(pod, events), claims)) {
        context.report({ object: pod, message: `cannot start: ${describeMissing(pod, missing)} (${missing.evidence})`, hint: hintFor(context, pod, missing) });
      }
    }
  },
} satisfies HealthRule;

export function describeMissing(pod: LiveObject, missing: Pick<MissingReference, 'kind' | 'name' | 'key'>): string {
  const object = `${missing.kind} ${pod.metadata.namespace}/${missing.name}`;
  return missing.key ? `${object} has no key ${missing.key}` : `${object} does not exist`;
}

/** What to do, naming the ExternalSecret that should write a missing Secret when there is one. */
export function hintFor(context: Pick<HealthContext, 'list'>, pod: LiveObject, missing: Pick<MissingReference, 'kind' | 'name' | 'key'>): string {
  if (missing.kind === 'Secret') {
    const producer = context.list('ExternalSecret').find((external) => external.metadata.namespace === pod.metadata.namespace && (external.spec?.target?.name ?? external.metadata.name) === missing.name);
    if (producer) {
      const ready = conditionOf(producer.status, 'Ready');
      const state = ready?.status === 'True' ? 'Ready' : `not Ready: ${ready ? describeCondition(ready) : 'no Ready condition yet'}`;
      return `ExternalSecret ${pod.metadata.namespace}/${producer.metadata.name} writes this Secret and is ${state}; ${missing.key ? `make sure its data includes ${missing.key}` : 'fix it (kubectl describe externalsecret)'}; the pod starts on its own once the Secret is there.`;
    }
    return missing.key
      ? `Add ${missing.key} to the Secret (or to what generates it: ExternalSecret, SealedSecret, SOPS file), or fix the key the pod reads.`
      : 'Create the Secret (or the ExternalSecret, SealedSecret or SOPS file that makes it), or fix the name; the pod starts on its own once it exists.';
  }
  if (missing.kind === 'ConfigMap') {
    return missing.key
      ? `Add ${missing.key} to the ConfigMap, or fix the key the pod reads.`
      : 'Create the ConfigMap or fix the name; a configMapGenerator appends a hash, so reference it from the same kustomization to have the name rewritten.';
  }
  return 'Create the claim or fix claimName (a StatefulSet names its claims <template>-<pod>); the pod is scheduled once the claim exists.';
}
