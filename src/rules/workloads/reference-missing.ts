import { containersOf, podTemplateOf } from '../../k8s/pod-templates.js';
import { isHelmRelease } from '../../k8s/kinds.js';
import { apiGroup, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Core groups whose objects never create Secrets or ConfigMaps for others. */
const PLAIN_GROUPS = new Set(['', 'apps', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'autoscaling', 'storage.k8s.io', 'kustomize.toolkit.fluxcd.io', 'monitoring.coreos.com', 'gateway.networking.k8s.io']);

export default {
  meta: {
    id: 'reference-missing',
    domain: 'workloads',
    severity: 'warning',
    title: 'A Secret or ConfigMap reference that nothing in the repo produces',
    source: 'Part 3 of the check (issue #4): HelmRelease valuesFrom and workload Secret/ConfigMap references that nothing produces; seed 000 (Vault/ESO secrets per app)',
  },
  check(context) {
    const produced = new Set<string>();
    const add = (kind: string, namespace: string | undefined, name: unknown) => {
      if (typeof name === 'string') produced.add(`${kind}/${namespace ?? ''}/${name}`);
    };
    // Charts and operators create Secrets and ConfigMaps hctl cannot see: namespaces with one are not judged.
    const makers = new Map<string | undefined, number>();
    const makesHiddenObjects = (object: KubeObject) => isHelmRelease(object) || !PLAIN_GROUPS.has(apiGroup(object.apiVersion));
    for (const object of context.applied) {
      if (object.kind === 'ConfigMap' || object.kind === 'Secret') add(object.kind, object.namespace, object.name);
      else if (object.kind === 'ExternalSecret') add('Secret', object.namespace, asRecord(asRecord(object.body.spec)?.target)?.name ?? object.name);
      else if (object.kind === 'Certificate') add('Secret', object.namespace, asRecord(object.body.spec)?.secretName);
      else if (object.kind === 'SealedSecret' || object.kind === 'OnePasswordItem') add('Secret', object.namespace, object.name);
      if (makesHiddenObjects(object)) makers.set(object.namespace, (makers.get(object.namespace) ?? 0) + 1);
    }
    for (const object of context.applied) {
      // A HelmRelease's own chart renders after its valuesFrom are read: only the others count.
      if ((makers.get(object.namespace) ?? 0) - (makesHiddenObjects(object) ? 1 : 0) > 0) continue;
      const references: Reference[] = [];
      const template = podTemplateOf(object);
      if (template) {
        (Array.isArray(template.spec.volumes) ? template.spec.volumes : []).forEach((volume, index) => {
          const configMap = asRecord(asRecord(volume)?.configMap);
          const secret = asRecord(asRecord(volume)?.secret);
          const base = [...template.specPath, 'volumes', index];
          if (configMap) references.push({ kind: 'ConfigMap', name: configMap.name, optional: configMap.optional, path: [...base, 'configMap', 'name'], effect: MOUNT });
          if (secret) references.push({ kind: 'Secret', name: secret.secretName, optional: secret.optional, path: [...base, 'secret', 'secretName'], effect: MOUNT });
        });
        for (const ref of containersOf(template)) {
          (Array.isArray(ref.container.envFrom) ? ref.container.envFrom : []).forEach((entry, index) => {
            for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
              const target = asRecord(asRecord(entry)?.[field]);
              if (target) references.push({ kind, name: target.name, optional: target.optional, path: [...ref.path, 'envFrom', index, field, 'name'], effect: ENV });
            }
          });
          (Array.isArray(ref.container.env) ? ref.container.env : []).forEach((entry, index) => {
            const from = asRecord(asRecord(entry)?.valueFrom);
            for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
              const target = asRecord(from?.[field]);
              if (target) references.push({ kind, name: target.name, optional: target.optional, path: [...ref.path, 'env', index, 'valueFrom', field, 'name'], effect: ENV });
            }
          });
        }
      }
      if (isHelmRelease(object)) {
        (Array.isArray(asRecord(object.body.spec)?.valuesFrom) ? (asRecord(object.body.spec)!.valuesFrom as unknown[]) : []).forEach((entry, index) => {
          const from = asRecord(entry) ?? {};
          if (from.kind === 'ConfigMap' || from.kind === 'Secret') references.push({ kind: from.kind, name: from.name, optional: from.optional, path: ['spec', 'valuesFrom', index, 'name'], effect: VALUES });
        });
      }
      report(context, object, references, produced);
    }
  },
} satisfies Rule;

const MOUNT = 'the pod waits in ContainerCreating (FailedMount)';
const ENV = 'the container does not start (CreateContainerConfigError)';
const VALUES = 'the HelmRelease fails to reconcile';

interface Reference {
  kind: 'ConfigMap' | 'Secret';
  name: unknown;
  optional: unknown;
  path: NodePath;
  /** What the missing object does to the one that references it. */
  effect: string;
}

/** One finding per missing object, at its first reference: a Deployment reading eight keys of one absent Secret needs one fix. */
function report(context: Parameters<NonNullable<Rule['check']>>[0], object: KubeObject, references: Reference[], produced: Set<string>): void {
  const missing = new Map<string, Reference[]>();
  for (const reference of references) {
    if (typeof reference.name !== 'string' || reference.optional === true || reference.name.includes('${')) continue;
    if (produced.has(`${reference.kind}/${object.namespace ?? ''}/${reference.name}`)) continue;
    const key = `${reference.kind}/${reference.name}`;
    missing.set(key, [...(missing.get(key) ?? []), reference]);
  }
  for (const [first, ...others] of missing.values()) {
    const more = others.length > 0 ? ` (referenced ${others.length + 1} times here)` : '';
    context.report({
      object,
      path: first!.path,
      message: `${first!.kind} ${String(first!.name)} is produced by nothing in the repo (no ${first!.kind}, ExternalSecret, SOPS file, generator or Certificate in namespace ${object.namespace ?? '(none)'}): ${first!.effect}${more}`,
      hint: `Add the ${first!.kind} (or the ExternalSecret that makes it) or fix the name; if it is created outside Git on purpose, suppress this with that reason.`,
    });
  }
}
