import { isIncomplete, type FluxNode } from '../../flux/flux-graph.js';
import { nodeObject, renderedObject } from '../../flux/node-object.js';
import { BUILT_IN_NAMESPACES } from '../../k8s/built-in-namespaces.js';
import { isHelmRelease } from '../../k8s/kinds.js';
import { namespacedKinds } from '../../k8s/namespaced-kinds.js';
import { asRecord } from '../../repo/parse.js';
import type { RenderedObject } from '../../render/kustomize.js';
import { metadataOf } from '../../render/transformers.js';
import type { Rule, RuleContext } from '../rule.js';

export default {
  meta: {
    id: 'flux-namespace-missing',
    domain: 'flux',
    severity: 'warning',
    title: 'A Flux Kustomization applying objects into a namespace nothing in the repository creates',
    source: 'F4; the Flux counterpart of argocd-namespace-missing: kustomize-controller fails the apply with namespaces "…" not found',
  },
  check(context) {
    const { nodes, kustomizer } = context.flux;
    // A build hctl does not know in full (a Helm chart, a remote manifest) may create any namespace.
    if (nodes.some(isIncomplete)) return;
    const created = new Set([...BUILT_IN_NAMESPACES, 'flux-system']);
    for (const object of [...context.objects, ...nodes.flatMap((node) => node.applies.map(renderedObject))]) {
      if (object.kind === 'Namespace' && object.name) created.add(object.name);
      const spec = asRecord(object.body.spec);
      if (isHelmRelease(object) && asRecord(spec?.install)?.createNamespace === true) {
        const target = spec?.targetNamespace ?? object.namespace;
        if (typeof target === 'string') created.add(target);
      }
    }
    // A build puts a namespace on custom kinds too; the API server drops it from cluster-scoped ones.
    const isNamespaced = namespacedKinds(kustomizer.scope.bundle, context.objects);
    for (const node of nodes) {
      const into = new Map<string, RenderedObject[]>();
      for (const object of node.applies) {
        const { namespace } = metadataOf(object.body);
        if (typeof namespace !== 'string' || namespace === '' || created.has(namespace) || !object.source) continue;
        if (isNamespaced(String(object.body.apiVersion ?? ''), String(object.body.kind ?? '')) !== true) continue;
        into.set(namespace, [...(into.get(namespace) ?? []), object]);
      }
      for (const [namespace, objects] of into) report(context, node, namespace, objects);
    }
  },
} satisfies Rule;

/** At the Kustomization's targetNamespace when it sets the namespace, else at the first object's. */
function report(context: RuleContext, node: FluxNode, namespace: string, objects: RenderedObject[]): void {
  const targeted = asRecord(node.object.body.spec)?.targetNamespace === namespace && node.object.source !== undefined;
  const first = objects[0]!;
  // Whether the file itself names the namespace, or a kustomization's namespace: gave it one.
  const ownNamespace = context.objects.some((object) => object.source?.file === first.source?.file && object.source?.documentIndex === first.source?.documentIndex && object.namespace === namespace);
  const count = objects.length === 1 ? 'an object' : `${objects.length} objects`;
  context.report({
    ...(targeted ? { object: nodeObject(node), path: ['spec', 'targetNamespace'] } : { object: renderedObject(first), path: ownNamespace ? ['metadata', 'namespace'] : ['metadata'], key: true }),
    message: `Flux Kustomization ${node.namespace}/${node.name} applies ${count} into namespace ${namespace}, which nothing in the repository creates (no Namespace, no HelmRelease with install.createNamespace): unless it is made outside Git, the apply fails with namespaces "${namespace}" not found`,
    hint: `Commit a Namespace ${namespace} (in this Kustomization's path, or one it dependsOn), or correct the namespace if it is a typo.`,
  });
}
