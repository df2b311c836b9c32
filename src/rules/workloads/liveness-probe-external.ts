import { inlineValues, mappingsIn } from '../../k8s/helm-values.js';
import { containersIn } from '../../k8s/pod-templates.js';
import { asRecord } from '../../repo/parse.js';
import type { KubeObject, NodePath } from '../../repo/object.js';
import type { Rule } from '../rule.js';

/** The container itself: loopback, or the pod's own address from the downward API. */
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|0\.0\.0\.0)$|\$[({]/i;
const FETCHER = /\b(curl|wget)\b/;
const URL_HOST = /\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"?#]+)/gi;

export default {
  meta: {
    id: 'liveness-probe-external',
    domain: 'workloads',
    severity: 'warning',
    title: 'A liveness probe that checks another host instead of the container itself',
    source: 'W3; gitops_homelab CLAUDE.md "never point a liveness probe at an external dependency" and commit "unhook liveness"',
  },
  check(context) {
    const report = (object: KubeObject, path: NodePath, probe: Record<string, unknown>, whose: string) => {
      const found = externalTarget(probe);
      if (!found) return;
      context.report({
        object,
        path: [...path, ...found.path],
        message: `${whose} checks ${found.host}, not the container itself: when ${found.host} is down, the kubelet restarts a healthy container, which brings nothing back`,
        hint: 'Probe the container itself in livenessProbe (no host, or localhost); check dependencies in a readinessProbe, which stops traffic without restarting the container.',
      });
    };
    for (const ref of containersIn(context.applied)) {
      const probe = asRecord(ref.container.livenessProbe);
      if (probe) report(ref.template.object, [...ref.path, 'livenessProbe'], probe, `the liveness probe of container ${ref.name}`);
    }
    // Charts pass `livenessProbe` through to the pod; bjw-s app-template takes `probes.liveness.spec` when `custom: true`.
    for (const { object, path, values } of inlineValues(context.applied, context.objects)) {
      for (const { record, path: at } of mappingsIn(values, path)) {
        const probe = asRecord(record.livenessProbe);
        if (probe) report(object, [...at, 'livenessProbe'], probe, 'a liveness probe in the chart values');
        const liveness = asRecord(asRecord(record.probes)?.liveness);
        const custom = liveness?.enabled !== false && liveness?.custom === true ? asRecord(liveness.spec) : undefined;
        if (custom) report(object, [...at, 'probes', 'liveness', 'spec'], custom, 'a liveness probe in the chart values');
      }
    }
  },
} satisfies Rule;

/** The other host a probe reaches, and where it is named. */
function externalTarget(probe: Record<string, unknown>): { host: string; path: NodePath } | undefined {
  for (const handler of ['httpGet', 'tcpSocket'] as const) {
    const host = asRecord(probe[handler])?.host;
    if (typeof host === 'string' && host !== '' && !LOCAL_HOST.test(host)) return { host, path: [handler, 'host'] };
  }
  const command = asRecord(probe.exec)?.command;
  if (!Array.isArray(command)) return undefined;
  const line = command.map(String).join(' ');
  if (!FETCHER.test(line)) return undefined;
  for (const match of line.matchAll(URL_HOST)) {
    const host = match[1]!;
    if (!LOCAL_HOST.test(host)) return { host, path: ['exec', 'command'] };
  }
  return undefined;
}
