import { FLUX_CURRENT_VERSIONS } from '../../k8s/superseded-apis.js';
import { apiGroup } from '../../repo/object.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-deprecated-api',
    domain: 'flux',
    severity: 'warning',
    title: 'A Flux object on a deprecated beta API version',
    source: 'F11; `flux migrate` exists for this before Flux upgrades; seed 004 (sudoflux: 26 beta objects)',
  },
  check(context) {
    for (const object of context.objects) {
      const group = apiGroup(object.apiVersion);
      const current = FLUX_CURRENT_VERSIONS[group]?.[object.kind];
      if (!current || object.apiVersion === `${group}/${current}`) continue;
      context.report({
        object,
        path: ['apiVersion'],
        message: `uses ${object.apiVersion}, deprecated in favour of ${group}/${current}`,
        hint: `Change apiVersion to ${group}/${current} (\`flux migrate -f .\` rewrites the repo); newer Flux releases stop serving beta versions.`,
      });
    }
  },
} satisfies Rule;
