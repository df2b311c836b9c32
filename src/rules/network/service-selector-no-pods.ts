import { podTemplateOf } from '../../k8s/pod-templates.js';
import { selects } from '../../k8s/selectors.js';
import { isArgoApplication, isHelmRelease } from '../../k8s/kinds.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'service-selector-no-pods',
    domain: 'network',
    severity: 'warning',
    title: 'A Service whose selector misses the pod template it is meant for',
    source: 'C9; seed 002 ("A Service with no endpoints means a selector mismatch")',
  },
  check(context) {
    const templates = context.applied.flatMap((object) => {
      const template = podTemplateOf(object);
      return template ? [{ namespace: object.namespace, labels: asRecord(template.metadata?.labels) ?? {} }] : [];
    });
    // Pods from Helm charts (HelmRelease, Argo CD) are invisible here: their namespaces are not judged.
    const chartNamespaces = new Set(context.applied.filter((object) => isHelmRelease(object) || isArgoApplication(object)).map((object) => object.namespace));
    const hasCharts = context.applied.some(isArgoApplication);
    for (const object of context.applied) {
      if (object.kind !== 'Service' || object.apiVersion !== 'v1' || hasCharts || chartNamespaces.has(object.namespace)) continue;
      const spec = asRecord(object.body.spec);
      const selector = asRecord(spec?.selector);
      if (!selector || Object.keys(selector).length === 0 || spec?.type === 'ExternalName') continue;
      const local = templates.filter((template) => template.namespace === object.namespace);
      if (local.some((template) => selects(selector, template.labels))) continue;
      // Pods made by operators and the distribution (kube-dns…) are not in Git; judge only a near
      // miss: a pod template here that shares part of the selector, so one label is off.
      const nearMiss = local.find((template) => Object.entries(selector).some(([key, value]) => String(template.labels[key]) === String(value)));
      if (!nearMiss) continue;
      const wrong = Object.entries(selector).filter(([key, value]) => String(nearMiss.labels[key]) !== String(value)).map(([key, value]) => `${key}=${String(value)}`);
      context.report({
        object,
        path: ['spec', 'selector'],
        key: true,
        message: `selector matches no pod template in namespace ${object.namespace ?? '(none)'} (${wrong.join(', ')} is not on the nearest one): the Service has no endpoints`,
        hint: "Make the selector equal the workload's pod template labels (spec.template.metadata.labels).",
      });
    }
  },
} satisfies Rule;
