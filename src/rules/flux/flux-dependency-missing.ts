import { dependsOnEntries } from '../../flux/depends-on.js';
import { isIncomplete } from '../../flux/flux-graph.js';
import { nodeObject } from '../../flux/node-object.js';
import { isHelmRelease } from '../../k8s/kinds.js';
import type { Rule, RuleContext } from '../rule.js';

export default {
  meta: {
    id: 'flux-dependency-missing',
    domain: 'flux',
    severity: 'critical',
    title: 'A Flux dependsOn that names no Kustomization (or HelmRelease) Flux applies',
    source: 'F2, F21; seed 003 ("Wrong dependency namespace → Use actual namespace, not flux-system"); sudoflux commits fixing dependsOn names',
  },
  check(context) {
    const { nodes } = context.flux;
    checkHelmReleases(context);
    const byIdentity = new Set(nodes.map((node) => `${node.namespace}/${node.name}`));
    const incomplete = nodes.some(isIncomplete);
    for (const node of nodes) {
      for (const { name, namespace, index } of dependsOnEntries(node.object.body, node.namespace)) {
        if (byIdentity.has(`${namespace}/${name}`)) continue;
        const elsewhere = nodes.filter((candidate) => candidate.name === name).map((candidate) => candidate.namespace);
        context.report({
          object: nodeObject(node),
          path: ['spec', 'dependsOn', index],
          // Builds hctl could not render may hold the dependency: then it is only a warning.
          ...(incomplete && elsewhere.length === 0 ? { severity: 'warning' as const } : {}),
          message:
            elsewhere.length > 0
              ? `dependsOn ${namespace}/${name}, but Kustomization ${name} is applied in namespace ${elsewhere.join(', ')}`
              : `dependsOn ${namespace}/${name}, which no Flux build applies${incomplete ? ' (some builds could not be rendered)' : ''}`,
          hint:
            elsewhere.length > 0
              ? `Set namespace: ${elsewhere[0]} on the dependsOn entry: the effective namespace comes from the parent kustomization, not from ks.yaml.`
              : 'Fix the name, or add the Kustomization it should wait for; Flux waits forever on a missing dependency.',
        });
      }
    }
  },
} satisfies Rule;

/** HelmRelease dependsOn names other HelmReleases (namespace defaulting to its own). */
function checkHelmReleases(context: RuleContext): void {
  if (context.flux.nodes.length === 0) return;
  const releases = context.applied.filter(isHelmRelease);
  const identities = new Set(releases.map((release) => `${release.namespace ?? ''}/${release.name}`));
  const incomplete = context.flux.nodes.some(isIncomplete);
  for (const release of releases) {
    for (const { name, namespace, index } of dependsOnEntries(release.body, release.namespace ?? '')) {
      if (identities.has(`${namespace}/${name}`)) continue;
      const elsewhere = releases.filter((candidate) => candidate.name === name).map((candidate) => candidate.namespace ?? '');
      context.report({
        object: release,
        path: ['spec', 'dependsOn', index],
        ...(incomplete && elsewhere.length === 0 ? { severity: 'warning' as const } : {}),
        message:
          elsewhere.length > 0
            ? `dependsOn HelmRelease ${namespace}/${name}, but ${name} is applied in namespace ${elsewhere.join(', ')}`
            : `dependsOn HelmRelease ${namespace}/${name}, which no Flux build applies${incomplete ? ' (some builds could not be rendered)' : ''}`,
        hint: elsewhere.length > 0 ? `Set namespace: ${elsewhere[0]} on the dependsOn entry.` : 'Fix the name, or add the HelmRelease it should wait for.',
      });
    }
  }
}
