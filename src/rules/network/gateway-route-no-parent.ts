import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

export default {
  meta: {
    id: 'gateway-route-no-parent',
    domain: 'network',
    severity: 'warning',
    title: 'A Gateway API route whose parentRef names no Gateway (or listener) in the repo',
    source: 'C6; seed 002 incident and gitops_homelab commit "add sectionName: https to HTTPRoute parentRef"',
  },
  check(context) {
    const gateways = context.applied.filter((object) => object.kind === 'Gateway' && apiGroup(object.apiVersion) === GATEWAY_GROUP);
    // Gateways can also come from Helm charts; only a repo that defines some is judged.
    if (gateways.length === 0) return;
    for (const route of context.applied) {
      if (!ROUTE_KINDS.has(route.kind) || apiGroup(route.apiVersion) !== GATEWAY_GROUP) continue;
      const parentRefs = asRecord(route.body.spec)?.parentRefs;
      (Array.isArray(parentRefs) ? parentRefs : []).forEach((entry, index) => {
        const ref = asRecord(entry) ?? {};
        if ((ref.kind ?? 'Gateway') !== 'Gateway' || typeof ref.name !== 'string') return;
        const namespace = String(ref.namespace ?? route.namespace ?? '');
        const gateway = gateways.find((candidate) => candidate.name === ref.name && (candidate.namespace ?? '') === namespace);
        if (!gateway) {
          const elsewhere = gateways.filter((candidate) => candidate.name === ref.name).map((candidate) => candidate.namespace ?? '');
          context.report({
            object: route,
            path: ['spec', 'parentRefs', index],
            message:
              elsewhere.length > 0
                ? `parentRef Gateway ${namespace}/${ref.name} does not exist; it is in namespace ${elsewhere.join(', ')}`
                : `parentRef Gateway ${namespace}/${ref.name} is not defined (the repo defines ${names(gateways)}): the route is never accepted`,
            hint: elsewhere.length > 0 ? `Add namespace: ${elsewhere[0]} to the parentRef.` : 'Name one of the Gateways the repo defines.',
          });
          return;
        }
        if (typeof ref.sectionName === 'string' && !listeners(gateway).includes(ref.sectionName)) {
          context.report({
            object: route,
            path: ['spec', 'parentRefs', index, 'sectionName'],
            message: `Gateway ${namespace}/${ref.name} has no listener ${ref.sectionName} (listeners: ${listeners(gateway).join(', ') || 'none'})`,
            hint: 'Use the name of one of the Gateway’s listeners, such as https.',
          });
        }
      });
    }
  },
} satisfies Rule;

function listeners(gateway: KubeObject): string[] {
  const list = asRecord(gateway.body.spec)?.listeners;
  return (Array.isArray(list) ? list : []).map((listener) => String(asRecord(listener)?.name ?? ''));
}

function names(gateways: KubeObject[]): string {
  return gateways.slice(0, 4).map((gateway) => `${gateway.namespace ?? ''}/${gateway.name}`).join(', ');
}
