import { supersession } from '../../k8s/superseded-apis.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'schema-unknown',
    domain: 'schema',
    severity: 'info',
    title: 'A document hctl has no schema for (unverified)',
    source: 'hctl contract: no silent skips; every document is validated or counted as unverified (ARCHITECTURE.md)',
  },
  check(context) {
    for (const [object, result] of context.validation.results) {
      if (result.status !== 'unverified') continue;
      const superseded = supersession(object.apiVersion, object.kind);
      context.report({
        object,
        path: ['apiVersion'],
        message: `unverified: ${result.reason}${superseded ? ', an old version of the API' : ''}`,
        hint: superseded
          ? `Move it to ${superseded.replacement ?? 'the current version'} (the deprecation finding on this line says why); hctl validates that version.`
          : 'Commit the CustomResourceDefinition to the repo, or pass its CRD or JSON Schema with --schema-dir (schemaDirs in .hctl.yaml); `hctl schemas pull -o DIR` saves the CRDs of the cluster you run.',
      });
    }
  },
} satisfies Rule;
