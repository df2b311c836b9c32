import { isNetworkPolicy } from '../../k8s/kinds.js';
import { denyingPolicies, indexDefaultDeny, isAllowAll, policyTypes } from '../../k8s/network-policy.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'netpol-allow-all-rule',
    domain: 'network',
    severity: 'warning',
    title: 'A bare `- {}` ingress or egress rule that allows all traffic',
    source: 'N3; platform-lab commit 4e8cdb0: a bare `- {}` egress rule defeated default-deny-all in chatbot, dashboard, taskapp',
  },
  check(context) {
    const index = indexDefaultDeny(context.objects);
    for (const object of context.objects) {
      if (!isNetworkPolicy(object)) continue;
      // Flux installs flux-system/allow-egress with `- {}` on purpose.
      if (object.namespace === 'flux-system' && object.name === 'allow-egress') continue;
      const spec = asRecord(object.body.spec) ?? {};
      for (const direction of policyTypes(spec)) {
        const rules = spec[direction];
        if (!Array.isArray(rules)) continue;
        rules.forEach((rule, position) => {
          if (!isAllowAll(rule)) return;
          const defeated = object.namespace ? denyingPolicies(index, direction, object.namespace) : [];
          const what = direction === 'egress' ? 'all outbound traffic' : 'all inbound traffic';
          context.report({
            object,
            path: ['spec', direction, position],
            severity: defeated.length > 0 ? 'critical' : undefined,
            message:
              defeated.length > 0
                ? `${direction} rule {} allows ${what}, defeating the default-deny (${defeated.join(', ')}) in ${object.namespace}`
                : `${direction} rule {} allows ${what} for the selected pods`,
            hint:
              direction === 'egress'
                ? 'Replace {} with the destinations the pods need (DNS on 53, the API server on 6443, 443 to the internet…).'
                : 'Replace {} with the sources that need access (a namespaceSelector for the ingress controller, a podSelector…).',
          });
        });
      }
    }
  },
} satisfies Rule;
