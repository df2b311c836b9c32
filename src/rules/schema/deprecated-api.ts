import coerce from 'semver/functions/coerce.js';
import lte from 'semver/functions/lte.js';
import { GATEWAY_API_GA_KINDS, ownedByDedicatedRule } from '../../k8s/superseded-apis.js';
import { kindKey } from '../../schema/bundle.js';
import { deprecationOf } from '../../schema/deprecations.js';
import { apiGroup } from '../../repo/object.js';
import type { Rule } from '../rule.js';

const atOrBefore = (release: string | undefined, target: string) => release !== undefined && lte(coerce(release)!, coerce(target)!);

export default {
  meta: {
    id: 'deprecated-api',
    domain: 'schema',
    severity: 'warning',
    title: 'An API version that is deprecated, superseded or removed at the target Kubernetes version',
    source: 'Pluto versions data; F11, S3 (seed-repos.md §2); kubeconform and Pluto each cover half of this (anchors-static.md §1.1, §1.7)',
  },
  check(context) {
    const target = context.kubernetesVersion;
    for (const object of context.objects) {
      const group = apiGroup(object.apiVersion);
      if (ownedByDedicatedRule(group)) continue;
      const entry = deprecationOf(object.apiVersion, object.kind);
      const replacement = entry?.replacement ? ` Use ${entry.replacement}.` : '';
      if (entry && entry.component === 'k8s') {
        if (atOrBefore(entry.removedIn, target)) {
          context.report({
            object,
            path: ['apiVersion'],
            severity: 'critical',
            message: `${object.apiVersion} ${object.kind} was removed in Kubernetes ${short(entry.removedIn!)} (target ${target})`,
            hint: `The API server no longer accepts it.${replacement || ' Move to the current version.'}`,
          });
        } else if (atOrBefore(entry.deprecatedIn, target)) {
          context.report({
            object,
            path: ['apiVersion'],
            message: `${object.apiVersion} ${object.kind} is deprecated since Kubernetes ${short(entry.deprecatedIn!)}${entry.removedIn ? ` and removed in ${short(entry.removedIn)}` : ''}`,
            hint: `Move before upgrading.${replacement}`,
          });
        }
        continue;
      }
      if (entry) {
        // Versions of add-ons (cert-manager, Istio): judged by the add-on's own releases.
        context.report({
          object,
          path: ['apiVersion'],
          severity: entry.removedIn ? 'critical' : undefined,
          message: entry.removedIn
            ? `${object.apiVersion} ${object.kind} was removed in ${entry.component} ${entry.removedIn}`
            : `${object.apiVersion} ${object.kind} is deprecated since ${entry.component} ${entry.deprecatedIn}`,
          hint: `Current ${entry.component} releases do not serve it.${replacement}`,
        });
        continue;
      }
      const version = object.apiVersion.slice(object.apiVersion.indexOf('/') + 1);
      if (group === 'gateway.networking.k8s.io' && GATEWAY_API_GA_KINDS.has(object.kind) && version !== 'v1') {
        context.report({
          object,
          path: ['apiVersion'],
          message: `${object.apiVersion} ${object.kind} is superseded by the GA gateway.networking.k8s.io/v1`,
          hint: 'Use gateway.networking.k8s.io/v1; Gateway API releases drop the experimental versions of GA kinds.',
        });
        continue;
      }
      const crdWarning = context.validation.deprecatedCrdVersions.get(kindKey(group, version, object.kind));
      if (crdWarning) {
        context.report({
          object,
          path: ['apiVersion'],
          message: `${object.apiVersion} ${object.kind} is marked deprecated by its CRD: ${crdWarning}`,
          hint: 'Move to the version the CRD stores and serves without deprecation.',
        });
      }
    }
  },
} satisfies Rule;

function short(version: string): string {
  return version.replace(/^v/, '').replace(/\.0$/, '');
}
