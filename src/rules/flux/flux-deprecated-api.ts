import { apiGroup } from '../../repo/object.js';
import type { Rule } from '../rule.js';

/** The current version of every Flux kind; any other version of it is deprecated. */
const CURRENT: Record<string, Record<string, string>> = {
  'helm.toolkit.fluxcd.io': { HelmRelease: 'v2' },
  'kustomize.toolkit.fluxcd.io': { Kustomization: 'v1' },
  'source.toolkit.fluxcd.io': { GitRepository: 'v1', HelmRepository: 'v1', HelmChart: 'v1', Bucket: 'v1', OCIRepository: 'v1' },
  'notification.toolkit.fluxcd.io': { Receiver: 'v1', Alert: 'v1beta3', Provider: 'v1beta3' },
  'image.toolkit.fluxcd.io': { ImageRepository: 'v1', ImagePolicy: 'v1', ImageUpdateAutomation: 'v1' },
};

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
      const current = CURRENT[group]?.[object.kind];
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
