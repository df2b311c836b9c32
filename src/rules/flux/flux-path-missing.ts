import type { Rule } from '../rule.js';
import { nodeObject } from '../../flux/node-object.js';

export default {
  meta: {
    id: 'flux-path-missing',
    domain: 'flux',
    severity: 'critical',
    title: "A Flux Kustomization whose spec.path is not in the repository",
    source: 'Part 3 of the check (issue #4): Kustomization spec.path exists; seed 003 ("Debug locally: flux build kustomization … --path")',
  },
  check(context) {
    for (const node of context.flux.nodes) {
      if (!node.problem?.missingPath) continue;
      context.report({
        object: nodeObject(node),
        path: ['spec', 'path'],
        message: `${node.problem.message}: Flux fails this Kustomization and everything that dependsOn it`,
        hint: 'Fix spec.path (relative to the repository root, e.g. ./kubernetes/apps/media/app), or commit the directory.',
      });
    }
  },
} satisfies Rule;
