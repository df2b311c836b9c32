import { containersOf, podTemplateOf } from '../../k8s/pod-templates.js';
import { indexDefaultDeny, isAllowAll } from '../../k8s/network-policy.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const INSTALLER = /\b(pip3?|npm|npx|yarn|pnpm|apt(-get)?|apk)\b\s+(install|add|ci|update|i)\b|\bnpx\b/;

export default {
  meta: {
    id: 'netpol-init-install-blocked',
    domain: 'network',
    severity: 'critical',
    title: 'An init container that installs packages in a namespace whose egress policy blocks the internet',
    source: 'N2; seed 000 ("Init containers doing pip/npm install need port 80/443 egress allowed"); platform-lab "Allow HTTPS/HTTP egress for platform-store init containers"',
  },
  check(context) {
    const index = indexDefaultDeny(context.applied);
    const webEgress = new Set<string | undefined>();
    for (const object of context.applied) {
      if (object.kind !== 'NetworkPolicy' || object.apiVersion !== 'networking.k8s.io/v1') continue;
      const egress = asRecord(object.body.spec)?.egress;
      const allows = (Array.isArray(egress) ? egress : []).some((rule) => {
        if (isAllowAll(rule)) return true;
        const ports = asRecord(rule)?.ports;
        return Array.isArray(ports) && ports.some((port) => ['80', '443', 'http', 'https'].includes(String(asRecord(port)?.port)));
      });
      if (allows) webEgress.add(object.namespace);
    }
    for (const object of context.applied) {
      if (!object.namespace || !index.byNamespace.egress.has(object.namespace) || webEgress.has(object.namespace)) continue;
      const template = podTemplateOf(object);
      if (!template) continue;
      for (const ref of containersOf(template)) {
        if (ref.list !== 'initContainers') continue;
        const command = [...toList(ref.container.command), ...toList(ref.container.args)].join(' ');
        if (!INSTALLER.test(command)) continue;
        context.report({
          object,
          path: [...ref.path, ref.container.command !== undefined ? 'command' : 'args'],
          message: `init container ${ref.name} installs packages (${command.match(INSTALLER)![0]}), but namespace ${object.namespace} denies egress and allows neither 80 nor 443: the pod never starts`,
          hint: `Add an egress rule on ports 80 and 443 in ${object.namespace} (to 0.0.0.0/0 or your package mirror), or bake the packages into the image.`,
        });
      }
    }
  },
} satisfies Rule;

function toList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}
