import type { HealthRule } from '../health-rule.js';

export default {
  meta: {
    id: 'service-no-endpoints',
    domain: 'network',
    severity: 'warning',
    title: 'A Service with a selector has no ready endpoints',
    source: 'seed 003 network-monitor.ts (services without endpoints); Popeye POP-1102',
  },
  reads: ['Service', 'EndpointSlice'],
  check(context) {
    const ready = new Map<string, number>();
    for (const slice of context.list('EndpointSlice')) {
      const service = slice.metadata.labels?.['kubernetes.io/service-name'];
      if (!service) continue;
      const key = `${slice.metadata.namespace}/${service}`;
      const count = ((slice.endpoints as { conditions?: { ready?: boolean } }[] | undefined) ?? []).filter((e) => e.conditions?.ready !== false).length;
      ready.set(key, (ready.get(key) ?? 0) + count);
    }
    for (const service of context.list('Service')) {
      const selector = service.spec?.selector;
      if (service.spec?.type === 'ExternalName' || !selector || Object.keys(selector).length === 0) continue;
      if ((ready.get(`${service.metadata.namespace}/${service.metadata.name}`) ?? 0) > 0) continue;
      context.report({
        object: service,
        message: `has no ready endpoints: no ready pod matches ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')}`,
        hint: `kubectl get pods -n ${service.metadata.namespace} -l ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')} — fix the pods, or the selector if it matches nothing.`,
      });
    }
  },
} satisfies HealthRule;
