import { nodeObject } from '../../flux/node-object.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'render-unverified',
    domain: 'render',
    severity: 'info',
    title: 'A Flux build hctl does not render offline (Helm charts, plugins, remote bases)',
    source: 'hctl contract: no silent skips; issue #4 ("report an unverified finding — and count" what is not rendered)',
  },
  check(context) {
    for (const node of context.flux.nodes) {
      if (!node.problem?.unsupported) continue;
      context.report({
        object: nodeObject(node),
        path: ['spec', 'path'],
        message: `unverified: the build of ${node.namespace}/${node.name} is not rendered offline (${node.problem.message}); what it applies is not checked`,
        hint: '`hctl render DIR` builds it with kubectl kustomize when kubectl is installed.',
      });
    }
  },
} satisfies Rule;
