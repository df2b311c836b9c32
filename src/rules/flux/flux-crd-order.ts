import { dependsOnEntries } from '../../flux/depends-on.js';
import type { FluxNode } from '../../flux/flux-graph.js';
import { renderedObject } from '../../flux/node-object.js';
import { apiGroup } from '../../repo/object.js';
import type { RenderedObject } from '../../render/kustomize.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** `group/Kind` of a custom resource, as a CRD names it. */
const kindKey = (group: string, kind: string) => `${group}/${kind}`;
const kindKeyOf = (object: RenderedObject) => kindKey(apiGroup(String(object.body.apiVersion ?? '')), String(object.body.kind ?? ''));

/**
 * The Kustomizations that have run before `node` applies: its ancestors (a parent applies its
 * CRDs before the child exists) and, transitively, what they and it depend on.
 */
function appliedBefore(node: FluxNode, byIdentity: ReadonlyMap<string, FluxNode>): Set<FluxNode> {
  const before = new Set<FluxNode>();
  const queue = [node];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const next: FluxNode[] = current.parent ? [current.parent] : [];
    for (const entry of dependsOnEntries(current.object.body, current.namespace)) {
      const dependency = byIdentity.get(`${entry.namespace}/${entry.name}`);
      if (dependency) next.push(dependency);
    }
    for (const candidate of next) {
      if (before.has(candidate)) continue;
      before.add(candidate);
      queue.push(candidate);
    }
  }
  return before;
}

export default {
  meta: {
    id: 'flux-crd-order',
    domain: 'flux',
    severity: 'warning',
    title: 'A custom resource applied by a Flux Kustomization that does not wait for the one shipping its CRD',
    source: 'F20; seed 003 ("CRDs must be installed before CRs: use dependsOn"); fresh-cluster bootstraps failing with "no matches for kind"',
  },
  check(context) {
    const { nodes } = context.flux;
    // Which Kustomization ships each CRD as a manifest (CRDs from Helm charts are not visible offline).
    const shippedBy = new Map<string, FluxNode>();
    for (const node of nodes) {
      for (const object of node.applies) {
        if (object.body.kind !== 'CustomResourceDefinition') continue;
        const spec = asRecord(object.body.spec);
        const kind = asRecord(spec?.names)?.kind;
        if (typeof spec?.group === 'string' && typeof kind === 'string') shippedBy.set(kindKey(spec.group, kind), node);
      }
    }
    if (shippedBy.size === 0) return;
    const byIdentity = new Map(nodes.map((node) => [`${node.namespace}/${node.name}`, node]));
    for (const node of nodes) {
      let before: Set<FluxNode> | undefined;
      const reported = new Set<string>();
      for (const object of node.applies) {
        const key = kindKeyOf(object);
        const provider = shippedBy.get(key);
        if (!provider || provider === node || reported.has(key)) continue;
        before ??= appliedBefore(node, byIdentity);
        if (before.has(provider)) continue;
        reported.add(key);
        const count = node.applies.filter((other) => kindKeyOf(other) === key).length;
        context.report({
          object: renderedObject(object),
          message: `${object.body.kind} (${key.split('/')[0]}) is applied by Kustomization ${node.namespace}/${node.name}${count > 1 ? ` (${count} objects)` : ''}, whose CRD Kustomization ${provider.namespace}/${provider.name} ships, but ${node.name} does not depend on it: on a fresh cluster the build fails with "no matches for kind ${object.body.kind}" until the CRD happens to exist`,
          hint: `Add \`dependsOn: [{name: ${provider.name}${provider.namespace !== node.namespace ? `, namespace: ${provider.namespace}` : ''}}]\` to Kustomization ${node.name}.`,
        });
      }
    }
  },
} satisfies Rule;
