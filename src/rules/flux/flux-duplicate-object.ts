import { objectIdentity, unreachedIdentity } from '../../flux/identity.js';
import { renderedObject } from '../../flux/node-object.js';
import type { RenderedObject } from '../../render/kustomize.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-duplicate-object',
    domain: 'flux',
    severity: 'critical',
    title: 'The same object defined twice in what Flux applies, from different files',
    source: 'F15; seed 004 (sudoflux: two flux-system and two cluster-sources Kustomizations with different paths)',
  },
  check(context) {
    const seen = new Map<string, RenderedObject>();
    const reported = new Set<string>();
    const where = (object: RenderedObject) => {
      const at = object.source?.locate([]);
      return at ? `${at.file}:${at.line}` : 'another file';
    };
    const applied = [...context.flux.roots.map((root) => root.object), ...context.flux.nodes.flatMap((node) => node.applies)];
    for (const object of applied) {
      if (!object.source) continue;
      const identity = objectIdentity(object.body);
      const first = seen.get(identity);
      if (!first) {
        seen.set(identity, object);
        continue;
      }
      if (first.source?.file === object.source.file && first.source.documentIndex === object.source.documentIndex) continue;
      reported.add(`${object.source.file}#${object.source.documentIndex}`);
      context.report({
        object: renderedObject(object),
        message: `also defined in ${where(first)}: Flux applies both, and the last one applied wins until the next reconcile`,
        hint: 'Keep one definition; delete the copy (or rename it if both are meant to exist).',
      });
    }
    // A second Flux Kustomization with a name already in use never runs: Flux keeps the first.
    for (const object of context.flux.unreached) {
      const first = seen.get(unreachedIdentity(object));
      if (!first || reported.has(`${object.source?.file}#${object.source?.documentIndex}`)) continue;
      context.report({
        object,
        message: `a second definition of this Kustomization; Flux runs the one in ${where(first)} and ignores this one`,
        hint: 'Delete the copy, or give it its own name if it is meant to run too.',
      });
    }
  },
} satisfies Rule;
