import { dependsOnEntries } from '../../flux/depends-on.js';
import { nodeObject } from '../../flux/node-object.js';
import { findCycles } from '../../graph/find-cycles.js';
import { isHelmRelease } from '../../k8s/kinds.js';
import type { KubeObject } from '../../repo/object.js';
import type { Rule } from '../rule.js';

/** dependsOn entries of one object as namespace/name keys. */
function dependencies(object: KubeObject, namespace: string): { key: string; index: number }[] {
  return dependsOnEntries(object.body, namespace).map((entry) => ({ key: `${entry.namespace}/${entry.name}`, index: entry.index }));
}

export default {
  meta: {
    id: 'flux-dependency-cycle',
    domain: 'flux',
    severity: 'critical',
    title: 'Flux Kustomizations (or HelmReleases) whose dependsOn form a cycle',
    source: 'F2 ("dependsOn targets exist … and no cycles"); Flux reports "dependency … is not ready" forever',
  },
  check(context) {
    const kustomizations = context.flux.nodes.map((node) => ({ key: `${node.namespace}/${node.name}`, object: nodeObject(node), namespace: node.namespace }));
    const releases = context.flux.nodes.length === 0 ? [] : context.applied.filter(isHelmRelease).map((object) => ({ key: `${object.namespace ?? ''}/${object.name}`, object, namespace: object.namespace ?? '' }));
    for (const [kind, members] of [['Kustomization', kustomizations], ['HelmRelease', releases]] as const) {
      const byKey = new Map(members.map((member) => [member.key, member]));
      const edges = new Map(members.map((member) => [member.key, dependencies(member.object, member.namespace).map((dependency) => dependency.key)]));
      for (const cycle of findCycles(edges)) {
        const first = byKey.get(cycle[0]!)!;
        const closing = cycle[1] ?? cycle[0]!;
        const entry = dependencies(first.object, first.namespace).find((dependency) => dependency.key === closing)!;
        context.report({
          object: first.object,
          path: ['spec', 'dependsOn', entry.index],
          message: `dependsOn cycle between ${kind}s ${[...cycle, cycle[0]].join(' → ')}: none of them ever becomes ready`,
          hint: 'Remove the dependsOn entry that points back; a dependency must be applied before, never after, what waits for it.',
        });
      }
    }
  },
} satisfies Rule;
