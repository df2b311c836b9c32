import { objectIdentity, unreachedIdentity } from '../../flux/identity.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-unreached',
    domain: 'flux',
    severity: 'info',
    title: 'A Flux Kustomization in the repo that no Flux build applies',
    source: 'Part 3 of the check (issue #4): Flux files that no root reaches; F12 (sources outside the built tree "never get created")',
  },
  check(context) {
    const applied = new Set([...context.flux.roots.map((root) => root.object), ...context.flux.nodes.flatMap((node) => node.applies)].map((object) => objectIdentity(object.body)));
    for (const object of context.flux.unreached) {
      if (applied.has(unreachedIdentity(object))) continue; // a duplicate: flux-duplicate-object says so
      context.report({
        object,
        message: 'no Flux build reaches this Kustomization: nothing includes its file, so Flux never applies it',
        hint: 'Include its file in a parent kustomization, or delete it if it is a leftover copy.',
      });
    }
  },
} satisfies Rule;
