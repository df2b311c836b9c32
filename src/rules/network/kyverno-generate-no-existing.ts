import { getIn } from '../../k8s/pod-templates.js';
import { apiGroup } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'kyverno-generate-no-existing',
    domain: 'network',
    severity: 'warning',
    title: 'A synchronized Kyverno generate rule whose replacement would not re-cover existing namespaces',
    source: 'N8; gitops_homelab CLAUDE.md (generate-default-deny-netpol owns every default-deny) and commit "unblock the stuck generate-policy exclusion change"',
  },
  check(context) {
    for (const object of context.applied) {
      if ((object.kind !== 'ClusterPolicy' && object.kind !== 'Policy') || apiGroup(object.apiVersion) !== 'kyverno.io') continue;
      const policyWide = getIn(object.body, ['spec', 'generateExisting']) === true;
      const rules = getIn(object.body, ['spec', 'rules']);
      (Array.isArray(rules) ? rules : []).forEach((entry, index) => {
        const rule = asRecord(entry) ?? {};
        const generate = asRecord(rule.generate);
        // Cloned resources outlive the policy; only `data` ones are deleted with it.
        if (!generate || generate.synchronize !== true || generate.data === undefined) return;
        if (policyWide || generate.generateExisting === true || generate.orphanDownstreamOnPolicyDelete === true) return;
        const generated = `${String(generate.kind ?? 'resource')} ${String(generate.name ?? '')}`.trim();
        const triggers = triggerKinds(rule);
        context.report({
          object,
          path: ['spec', 'rules', index, 'generate', 'synchronize'],
          message: `generate rule ${String(rule.name ?? index)} synchronizes ${generated} without generateExisting: deleting or replacing the policy deletes every ${generated} it generated, and the new policy creates them only for ${triggers} created afterwards`,
          hint: 'Add `generateExisting: true` (under generate, or under spec before Kyverno 1.11) so a replaced policy re-covers what exists, or `orphanDownstreamOnPolicyDelete: true` under generate to keep them when the policy is deleted.',
        });
      });
    }
  },
} satisfies Rule;

/** `Namespaces`, or whatever the rule's match names; `triggers` when it names none. */
function triggerKinds(rule: Record<string, unknown>): string {
  const match = asRecord(rule.match) ?? {};
  const blocks = [match, ...['any', 'all'].flatMap((key) => (Array.isArray(match[key]) ? (match[key] as unknown[]) : []))];
  const kinds = new Set(blocks.flatMap((block) => getIn(block, ['resources', 'kinds'])).filter((kind): kind is string => typeof kind === 'string'));
  return kinds.size > 0 ? [...kinds].map((kind) => `${kind}s`).join(' or ') : 'triggers';
}
