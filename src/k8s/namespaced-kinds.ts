import type { SchemaBundle } from '../schema/bundle.js';
import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

/**
 * Whether objects of a kind live in a namespace, where hctl can know it: core kinds from the
 * Kubernetes API, custom kinds from a CustomResourceDefinition in the repository (its
 * `spec.scope`), and Flux's own kinds (every one namespaced). Other custom kinds: undefined — the
 * schema catalog hctl bundles does not say.
 */
export function namespacedKinds(bundle: SchemaBundle, objects: readonly KubeObject[]): (apiVersion: string, kind: string) => boolean | undefined {
  const crdScopes = new Map<string, boolean>();
  for (const object of objects) {
    if (object.kind !== 'CustomResourceDefinition' || apiGroup(object.apiVersion) !== 'apiextensions.k8s.io') continue;
    const spec = asRecord(object.body.spec);
    const kind = asRecord(spec?.names)?.kind;
    if (typeof spec?.group === 'string' && typeof kind === 'string' && (spec.scope === 'Namespaced' || spec.scope === 'Cluster')) {
      crdScopes.set(`${spec.group}/${kind}`, spec.scope === 'Namespaced');
    }
  }
  return (apiVersion, kind) => {
    const group = apiGroup(apiVersion);
    const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
    if (bundle.isKubernetes(group, version, kind)) return !bundle.isClusterScoped(group, version, kind);
    return crdScopes.get(`${group}/${kind}`) ?? (group.endsWith('.toolkit.fluxcd.io') ? true : undefined);
  };
}
