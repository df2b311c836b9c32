import { appTemplateReferences } from '../../k8s/app-template-references.js';
import { appTemplateReleases } from '../../k8s/app-template.js';
import { isHelmRelease } from '../../k8s/kinds.js';
import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { objectProducers, type ObjectProducers } from '../../k8s/object-producers.js';
import { podTemplateReferences, reference, type ObjectReference, type ReferenceEffect, type ReferencedKind } from '../../k8s/object-references.js';
import { podTemplateOf } from '../../k8s/pod-templates.js';
import type { KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

export default {
  meta: {
    id: 'reference-missing',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Secret, ConfigMap or PersistentVolumeClaim reference that nothing in the repo produces',
    source: 'Part 3 of the check (issue #4): HelmRelease valuesFrom and workload Secret/ConfigMap references that nothing produces; seed 000 (Vault/ESO secrets per app)',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const releases = appTemplateReleases(context.applied, context.objects);
    const producers = objectProducers(context.applied, context.objects, namespaceOf, releases);
    for (const object of context.applied) {
      const template = podTemplateOf(object);
      if (template) report(context, producers, object, namespaceOf(object), podTemplateReferences(template));
      if (isHelmRelease(object)) {
        const valuesFrom = asRecord(object.body.spec)?.valuesFrom;
        const references = (Array.isArray(valuesFrom) ? valuesFrom : []).flatMap((entry, index) => {
          const from = asRecord(entry) ?? {};
          return from.kind === 'ConfigMap' || from.kind === 'Secret' ? [reference(from.kind, from.name, from.optional, ['spec', 'valuesFrom', index, 'name'], 'values')] : [];
        });
        // A HelmRelease's own chart renders after its valuesFrom are read: only the others count.
        report(context, producers, object, namespaceOf(object), references, object);
      }
    }
    // bjw-s app-template renders its pods from chart values: their references, read from there.
    for (const release of releases) report(context, producers, release.object, release.namespace, appTemplateReferences(release));
  },
} satisfies Rule;

const EFFECTS: Record<ReferenceEffect, string> = {
  mount: 'the pod waits in ContainerCreating (FailedMount)',
  env: 'the container does not start (CreateContainerConfigError)',
  claim: 'the pod stays Pending (persistentvolumeclaim not found)',
  values: 'the HelmRelease fails to reconcile',
};

const PRODUCERS: Record<ReferencedKind, string> = {
  Secret: 'no Secret, ExternalSecret, SOPS file, generator or Certificate',
  ConfigMap: 'no ConfigMap or generator',
  PersistentVolumeClaim: 'no PersistentVolumeClaim or chart that makes it',
};

/** One finding per missing object, at its first reference: a Deployment reading eight keys of one absent Secret needs one fix. */
function report(context: RuleContext, producers: ObjectProducers, object: KubeObject, namespace: string | undefined, references: ObjectReference[], except?: KubeObject): void {
  const missing = new Map<string, ObjectReference[]>();
  for (const reference of references) {
    const name = reference.name;
    if (name === undefined || reference.optional || name.includes('${')) continue;
    if (producers.produces(reference.kind, namespace, name) || producers.mayHide(reference.kind, namespace, except)) continue;
    const key = `${reference.kind}/${name}`;
    missing.set(key, [...(missing.get(key) ?? []), reference]);
  }
  for (const [first, ...others] of missing.values()) {
    const more = others.length > 0 ? ` (referenced ${others.length + 1} times here)` : '';
    context.report({
      object,
      path: first!.path,
      message: `${first!.kind} ${first!.name} is produced by nothing in the repo (${PRODUCERS[first!.kind]} in namespace ${namespace ?? '(none)'}): ${EFFECTS[first!.effect]}${more}`,
      hint: `Add the ${first!.kind}${first!.kind === 'Secret' ? ' (or the ExternalSecret that makes it)' : ''} or fix the name; if it is created outside Git on purpose, suppress this with that reason.`,
    });
  }
}
