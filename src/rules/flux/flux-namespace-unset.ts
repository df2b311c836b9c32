import { renderedObject } from '../../flux/node-object.js';
import { namespacedKinds } from '../../k8s/namespaced-kinds.js';
import { metadataOf } from '../../render/transformers.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-namespace-unset',
    domain: 'flux',
    severity: 'critical',
    title: 'A namespaced object Flux applies with no namespace: the whole Kustomization fails',
    source: 'F4; seed 003 ("missing namespace in kustomization.yaml"); fluxcd/website#1256, fluxcd/flux2-kustomize-helm-example#42 ("Service/podinfo namespace not specified")',
  },
  check(context) {
    const { nodes, kustomizer } = context.flux;
    const isNamespaced = namespacedKinds(kustomizer.scope.bundle, context.objects);
    for (const node of nodes) {
      for (const object of node.applies) {
        const { namespace, name } = metadataOf(object.body);
        if ((typeof namespace === 'string' && namespace !== '') || !object.source) continue;
        const kind = String(object.body.kind ?? '');
        if (isNamespaced(String(object.body.apiVersion ?? ''), kind) !== true) continue;
        context.report({
          object: renderedObject(object),
          path: ['metadata'],
          key: true,
          message: `${kind} ${String(name)} has no namespace in what Flux Kustomization ${node.namespace}/${node.name} applies (no metadata.namespace, no namespace: in a kustomization.yaml, no spec.targetNamespace): Flux's server-side apply fails the Kustomization ("${kind}/${String(name)} namespace not specified")`,
          hint: `Set spec.targetNamespace on Kustomization ${node.name}, namespace: in the kustomization.yaml that lists this file, or metadata.namespace here.`,
        });
      }
    }
  },
} satisfies Rule;
