import { containersIn } from '../../k8s/pod-templates.js';
import { asRecord } from '../../repo/parse.js';
import type { NodePath } from '../../repo/object.js';
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
    for (const ref of containersIn(context.applied)) {
      const probe = asRecord(ref.container.livenessProbe);
      const found = probe && externalTarget(probe);
      if (!found) continue;
      context.report({
        object: ref.template.object,
        path: [...ref.path, 'livenessProbe', ...found.path],
        message: `the liveness probe of container ${ref.name} checks ${found.host}, not the container itself: when ${found.host} is down, the kubelet restarts a healthy container, which brings nothing back`,
        hint: 'Probe the container itself in livenessProbe (no host, or localhost); check dependencies in a readinessProbe, which stops traffic without restarting the container.',
      });
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
