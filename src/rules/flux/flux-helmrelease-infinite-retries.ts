import { isHelmRelease } from '../../k8s/kinds.js';
import { getIn } from '../../k8s/pod-templates.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-helmrelease-infinite-retries',
    domain: 'flux',
    severity: 'warning',
    title: 'A HelmRelease that retries a failed install or upgrade forever',
    source: 'F5; seed 003 ("Use finite retries (e.g. retries: 3) not infinite (retries: -1)"; "Infinite retries → Resource exhaustion")',
  },
  check(context) {
    for (const object of context.objects) {
      if (!isHelmRelease(object)) continue;
      for (const action of ['install', 'upgrade'] as const) {
        const path = ['spec', action, 'remediation', 'retries'];
        const retries = getIn(object.body, path);
        if (typeof retries !== 'number' || retries >= 0) continue;
        context.report({
          object,
          path,
          message: `${action} remediation retries forever (retries: ${retries})`,
          hint: 'Set a finite count such as `retries: 3`, so a broken release stops and reports instead of looping.',
        });
      }
    }
  },
} satisfies Rule;
