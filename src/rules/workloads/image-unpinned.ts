import { floatingReason } from '../../k8s/image-ref.js';
import { containersOf, podTemplateOf } from '../../k8s/pod-templates.js';
import { isPlaceholder } from '../../k8s/argo-apps.js';
import { inlineValues, mappingsIn } from '../../k8s/helm-values.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule, RuleContext } from '../rule.js';

const HINT = 'Pin a version tag (e.g. :1.27.3), or a digest (@sha256:…) for critical workloads, and let Renovate bump it.';

export default {
  meta: {
    id: 'image-unpinned',
    domain: 'workloads',
    severity: 'warning',
    title: 'An image on :latest or without a tag',
    source: 'W2; seed 000 Kyverno disallow-latest-tag; gitops_homelab: an unpinned :latest silently jumped grafana-mcp 0.14.0 → 1.1.0',
  },
  check(context) {
    for (const object of context.objects) {
      const template = podTemplateOf(object);
      if (template) {
        for (const ref of containersOf(template)) {
          const image = ref.container.image;
          if (typeof image !== 'string' || isPlaceholder(image)) continue;
          const reason = floatingReason(image);
          if (reason) report(context, object, [...ref.path, 'image'], `Image ${image} of ${ref.name} ${reason}`);
        }
      }
    }
    for (const { object, path, values } of inlineValues(context.objects, context.objects)) checkValues(context, object, values, path);
  },
} satisfies Rule;

/** Helm values (a HelmRelease's, an Argo CD valuesObject) write images as `image: repo:tag` or as `{repository, tag}` maps, at any depth. */
function checkValues(context: RuleContext, object: KubeObject, values: Record<string, unknown>, at: NodePath): void {
  for (const { record, path } of mappingsIn(values, at)) {
    for (const key in record) {
      const child = record[key];
      if (key === 'image' && typeof child === 'string' && !isPlaceholder(child) && child.includes('/')) {
        const reason = floatingReason(child);
        if (reason) report(context, object, [...path, key], `Helm value image ${child} ${reason}`);
        continue;
      }
      const map = asRecord(child);
      // An empty tag means the chart's appVersion, which the chart version pins; only `latest` floats.
      if (map && typeof map.repository === 'string' && 'tag' in map && !map.digest && map.tag === 'latest') {
        report(context, object, [...path, key, 'tag'], `Helm value ${key}: ${map.repository} uses the :latest tag`);
      }
    }
  }
}

function report(context: RuleContext, object: KubeObject, path: NodePath, message: string): void {
  context.report({ object, path, message, hint: HINT });
}
