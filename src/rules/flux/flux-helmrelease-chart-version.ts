import { isHelmRelease } from '../../k8s/kinds.js';
import { getIn } from '../../k8s/pod-templates.js';
import { classifyChartVersion } from '../../k8s/version-pin.js';
import { isPlaceholder } from '../../k8s/argo-apps.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'flux-helmrelease-chart-version',
    domain: 'flux',
    severity: 'warning',
    title: 'A HelmRelease chart version that is missing, `*` or a range',
    source: 'F10; seed 003 ("ALWAYS pin chart versions"; "Chart version mismatch → Always verify with helm search repo")',
  },
  check(context) {
    for (const object of context.objects) {
      if (!isHelmRelease(object)) continue;
      const chartSpec = getIn(object.body, ['spec', 'chart', 'spec']);
      if (chartSpec === undefined) continue; // chartRef: the version lives on the OCIRepository/HelmChart
      const version = getIn(chartSpec, ['version']);
      if (isPlaceholder(version)) continue;
      const kind = classifyChartVersion(version);
      if (kind === 'exact') continue;
      const shown = version === undefined ? '' : ` "${String(version)}"`;
      context.report({
        object,
        path: kind === 'missing' ? ['spec', 'chart', 'spec'] : ['spec', 'chart', 'spec', 'version'],
        key: kind === 'missing',
        message:
          kind === 'missing'
            ? 'chart has no version: Flux installs whatever is newest'
            : `chart version${shown} is not an exact version: upgrades arrive unreviewed`,
        hint: 'Pin an exact chart version (e.g. version: "1.16.2") that `helm search repo --versions` lists.',
      });
    }
  },
} satisfies Rule;
