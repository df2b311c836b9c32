import type { LiveObject } from '../../cluster/cluster-state.js';
import { describeSelector } from '../../k8s/policy-description.js';
import { selects } from '../../k8s/selectors.js';
import { asList, asRecord } from '../../repo/parse.js';
import type { HealthRule } from '../health-rule.js';

/** The label every namespace carries since Kubernetes 1.21, set by the API server. */
const NAME_LABEL = 'kubernetes.io/metadata.name';

export default {
  meta: {
    id: 'netpol-selector-unmatched',
    domain: 'network',
    severity: 'warning',
    title: 'A NetworkPolicy rule names its peers by a namespaceSelector that matches no namespace: the rule admits nothing',
    source: 'seed 000 /netpol-check; `namespaceSelector: {matchLabels: {name: monitoring}}` written for namespaces that carry only kubernetes.io/metadata.name',
  },
  reads: ['NetworkPolicy', 'Namespace'],
  check(context) {
    // Without the namespaces' labels every selector would look unmatched.
    if (context.cluster.reads.get('Namespace')?.state !== 'read') return;
    const namespaces = context.list('Namespace');
    for (const policy of context.list('NetworkPolicy')) {
      for (const direction of ['ingress', 'egress'] as const) {
        asList(policy.spec?.[direction]).forEach((rule, index) => {
          for (const peer of asList(asRecord(rule)?.[direction === 'ingress' ? 'from' : 'to'])) {
            const selector = asRecord(asRecord(peer)?.namespaceSelector);
            if (!selector || isEmpty(selector) || namespaces.some((namespace) => selects(selector, namespace.metadata.labels ?? {}))) continue;
            context.report({
              object: policy,
              message: `${direction} rule ${index + 1}: namespaceSelector ${describeSelector(selector)} matches no namespace, so it admits no one${suggestion(selector, namespaces)}`,
              hint: `Select namespaces by the label the API server sets on each: \`namespaceSelector: {matchLabels: {${NAME_LABEL}: NAME}}\` — or add the label to the namespace (kubectl get ns --show-labels).`,
            });
          }
        });
      }
    }
  },
} satisfies HealthRule;

function isEmpty(selector: Record<string, unknown>): boolean {
  return Object.keys(asRecord(selector.matchLabels) ?? {}).length === 0 && asList(selector.matchExpressions).length === 0;
}

/** `name: monitoring` where a namespace monitoring exists: the selector meant kubernetes.io/metadata.name. */
function suggestion(selector: Record<string, unknown>, namespaces: readonly LiveObject[]): string {
  const values = Object.values(asRecord(selector.matchLabels) ?? {}).map(String);
  const named = values.find((value) => namespaces.some((namespace) => namespace.metadata.name === value));
  return named ? ` (namespace ${named} exists: did you mean ${NAME_LABEL}: ${named}?)` : '';
}
