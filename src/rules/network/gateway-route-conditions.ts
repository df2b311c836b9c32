import { conditionsOf, describeCondition, type Condition } from '../../k8s/conditions.js';
import type { HealthRule } from '../health-rule.js';

/** A condition that is False, counting only those written for the object's current generation. */
function failing(conditions: Condition[], types: string[], generation: number | undefined): Condition[] {
  return conditions.filter((c) => types.includes(c.type) && c.status === 'False' && (generation === undefined || c.observedGeneration === undefined || c.observedGeneration >= generation));
}

export default {
  meta: {
    id: 'gateway-route-conditions',
    domain: 'network',
    severity: 'critical',
    title: 'A Gateway is not Accepted/Programmed, or an HTTPRoute is not Accepted or has unresolved refs',
    source: "C6 (live side); Argo CD's HTTPRoute health.lua (Accepted, ResolvedRefs, Programmed per parent)",
  },
  reads: ['Gateway', 'HTTPRoute'],
  check(context) {
    for (const gateway of context.list('Gateway')) {
      for (const condition of failing(conditionsOf(gateway.status), ['Accepted', 'Programmed'], gateway.metadata.generation)) {
        context.report({
          object: gateway,
          message: `${condition.type}=False: ${describeCondition(condition)}`,
          hint: 'Check the GatewayClass controller (Cilium, Envoy Gateway, Traefik) logs and the listener addresses/certificates.',
        });
      }
    }
    for (const route of context.list('HTTPRoute')) {
      for (const parent of route.status?.parents ?? []) {
        for (const condition of failing(conditionsOf(parent), ['Accepted', 'ResolvedRefs'], route.metadata.generation)) {
          const gateway = parent.parentRef ? `${parent.parentRef.namespace ?? route.metadata.namespace}/${parent.parentRef.name}` : 'its parent';
          context.report({
            object: route,
            message: `${condition.type}=False on ${gateway}: ${describeCondition(condition)}`,
            hint: condition.type === 'ResolvedRefs'
              ? 'A backendRef names a Service or port that does not exist (or a cross-namespace ref lacks a ReferenceGrant).'
              : "The Gateway does not take this route: check the listener's hostname, allowedRoutes namespaces and sectionName.",
          });
        }
      }
    }
  },
} satisfies HealthRule;
