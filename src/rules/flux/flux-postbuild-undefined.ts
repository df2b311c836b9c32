import { renderedObject } from '../../flux/node-object.js';
import { substituteSources } from '../../flux/substitute.js';
import type { NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-postbuild-undefined',
    domain: 'flux',
    severity: 'warning',
    title: 'A ${VAR} that Flux postBuild substitution has no value for',
    source: 'Part 3 of the check (issue #4): postBuild variables used but never defined; seed 003 (substitutions patched into every app by cluster-apps)',
  },
  check(context) {
    const applied = context.applied;
    for (const node of context.flux.nodes) {
      const postBuild = asRecord(asRecord(node.object.body.spec)?.postBuild);
      if (!postBuild) continue;
      const defined = new Set(Object.keys(asRecord(postBuild.substitute) ?? {}));
      // Without any variable Flux does not substitute at all: `${VAR}` reaches the cluster as written.
      if (defined.size === 0 && !(Array.isArray(postBuild.substituteFrom) && postBuild.substituteFrom.length > 0)) continue;
      let unknownSource = false;
      for (const source of substituteSources(postBuild, node.namespace, applied)) {
        if (!source) {
          // Made outside Git (an ExternalSecret's target, created by hand, optional): its keys are unknown.
          unknownSource = true;
          continue;
        }
        for (const field of ['data', 'stringData']) for (const key of Object.keys(asRecord(source.body[field]) ?? {})) defined.add(key);
      }
      if (unknownSource) continue;
      for (const object of node.applies) {
        const missing = new Map<string, NodePath>();
        for (const { variable, path } of object.unsubstituted ?? []) if (!defined.has(variable) && !missing.has(variable)) missing.set(variable, path);
        for (const [variable, path] of missing) {
          context.report({
            object: renderedObject(object),
            path,
            message: `\${${variable}} has no value in ${node.namespace}/${node.name}'s postBuild: Flux replaces it with an empty string`,
            hint: `Define ${variable} under postBuild.substitute or in a substituteFrom ConfigMap/Secret, give it a default (\${${variable}:=value}), or escape it as $\${${variable}} if it is not for Flux.`,
          });
        }
      }
    }
  },
} satisfies Rule;
