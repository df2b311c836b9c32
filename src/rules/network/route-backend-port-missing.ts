import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { apiGroup, type KubeObject, type NodePath } from '../../repo/object.js';
import { asRecord, asRecords } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const GATEWAY_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/** One backend a route sends traffic to: a Service port, by number or by name. */
interface Backend {
  namespace: string | undefined;
  service: string;
  port: number | string;
  /** Where the port is written. */
  path: NodePath;
  /** An Ingress's whose controller may be ingress-nginx, which also takes a Service port's targetPort (its number or name) for the port. */
  targetPortToo?: boolean;
}

export default {
  meta: {
    id: 'route-backend-port-missing',
    domain: 'network',
    severity: 'warning',
    title: 'An Ingress, HTTPRoute or Traefik IngressRoute whose backend port the Service does not expose',
    source: 'C9 (traffic that goes nowhere); C6 (routes whose references do not resolve); the Service port is what ingress controllers and Gateway API implementations look up',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const services = new Map<string, KubeObject[]>();
    for (const object of context.applied) {
      if (object.kind !== 'Service' || object.apiVersion !== 'v1' || asRecord(object.body.spec)?.type === 'ExternalName') continue;
      const key = `${namespaceOf(object) ?? ''}/${object.name ?? ''}`;
      services.set(key, [...(services.get(key) ?? []), object]);
    }
    if (services.size === 0) return;
    const lenient = ingressNginxMayServe(context.applied);
    for (const route of context.applied) {
      const namespace = namespaceOf(route);
      for (const backend of backendsOf(route, namespace, lenient)) {
        if (backend.namespace === undefined) continue;
        // Only Services the repo defines are judged: a chart's or an operator's are not in Git.
        const candidates = services.get(`${backend.namespace}/${backend.service}`);
        if (!candidates || candidates.some((service) => exposes(service, backend.port, backend.targetPortToo === true))) continue;
        const offered = [...new Set(candidates.flatMap(portsOf).map(describePort))];
        const byName = typeof backend.port === 'string';
        context.report({
          object: route,
          path: backend.path,
          message: `Service ${backend.namespace}/${backend.service} has no port ${byName ? `named "${backend.port}"` : backend.port} (it exposes ${offered.join(', ') || 'none'}): requests to this backend fail`,
          hint: `Use one of the Service's ports${byName ? ' (a name is the Service port’s `name`, not the container’s)' : ' (the Service `port`, not its targetPort)'}, or add the port to the Service.`,
        });
      }
    }
  },
} satisfies Rule;

/** The Service backends a route names: Ingress `backend.service`, Gateway API `backendRefs`, Traefik `services`. */
function backendsOf(route: KubeObject, namespace: string | undefined, lenient: (ingress: KubeObject) => boolean): Backend[] {
  const group = apiGroup(route.apiVersion);
  const spec = asRecord(route.body.spec) ?? {};
  const backends: Backend[] = [];
  if (route.kind === 'Ingress' && group === 'networking.k8s.io') {
    const targetPortToo = lenient(route);
    const add = (backend: unknown, path: NodePath) => {
      const service = asRecord(asRecord(backend)?.service);
      const port = asRecord(service?.port) ?? {};
      if (typeof service?.name !== 'string') return;
      if (typeof port.number === 'number') backends.push({ namespace, service: service.name, port: port.number, path: [...path, 'service', 'port', 'number'], targetPortToo });
      else if (typeof port.name === 'string') backends.push({ namespace, service: service.name, port: port.name, path: [...path, 'service', 'port', 'name'], targetPortToo });
    };
    add(spec.defaultBackend, ['spec', 'defaultBackend']);
    eachOf(spec.rules, (rule, ruleIndex) => eachOf(asRecord(rule.http)?.paths, (entry, pathIndex) => add(entry.backend, ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend'])));
  } else if (GATEWAY_ROUTE_KINDS.has(route.kind) && group === 'gateway.networking.k8s.io') {
    eachOf(spec.rules, (rule, ruleIndex) =>
      eachOf(rule.backendRefs, (ref, refIndex) => {
        if ((ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '' || typeof ref.name !== 'string' || typeof ref.port !== 'number') return;
        backends.push({ namespace: typeof ref.namespace === 'string' ? ref.namespace : namespace, service: ref.name, port: ref.port, path: ['spec', 'rules', ruleIndex, 'backendRefs', refIndex, 'port'] });
      }),
    );
  } else if ((route.kind === 'IngressRoute' || route.kind === 'IngressRouteTCP' || route.kind === 'IngressRouteUDP') && (group === 'traefik.io' || group === 'traefik.containo.us')) {
    eachOf(spec.routes, (entry, routeIndex) =>
      eachOf(entry.services, (service, serviceIndex) => {
        if ((service.kind ?? 'Service') !== 'Service' || typeof service.name !== 'string' || (typeof service.port !== 'number' && typeof service.port !== 'string')) return;
        backends.push({ namespace: typeof service.namespace === 'string' ? service.namespace : namespace, service: service.name, port: service.port, path: ['spec', 'routes', routeIndex, 'services', serviceIndex, 'port'] });
      }),
    );
  }
  return backends;
}

/** Ingress controllers known to look up only a Service port's number or name (Traefik's providers, read in its source). */
const STRICT_CONTROLLERS = new Set(['traefik.io/ingress-controller']);

/**
 * Whether ingress-nginx may serve an Ingress: its class (spec.ingressClassName, the legacy annotation,
 * else the repo's default IngressClass) is not known to belong to a controller that looks up only
 * Service ports: by the repo's IngressClass, or, when the class comes from a chart, by a name that
 * says traefik.
 */
function ingressNginxMayServe(objects: readonly KubeObject[]): (ingress: KubeObject) => boolean {
  const controllers = new Map<string, string>();
  let defaultClass: string | undefined;
  for (const object of objects) {
    if (object.kind !== 'IngressClass' || apiGroup(object.apiVersion) !== 'networking.k8s.io' || !object.name) continue;
    const controller = asRecord(object.body.spec)?.controller;
    if (typeof controller === 'string') controllers.set(object.name, controller);
    if (asRecord(asRecord(object.body.metadata)?.annotations)?.['ingressclass.kubernetes.io/is-default-class'] === 'true') defaultClass = object.name;
  }
  return (ingress) => {
    const written = asRecord(ingress.body.spec)?.ingressClassName ?? asRecord(asRecord(ingress.body.metadata)?.annotations)?.['kubernetes.io/ingress.class'];
    const name = typeof written === 'string' ? written : defaultClass;
    if (name === undefined) return true;
    const controller = controllers.get(name);
    if (controller !== undefined) return !STRICT_CONTROLLERS.has(controller);
    return !/traefik/i.test(name);
  };
}

function eachOf(list: unknown, visit: (entry: Record<string, unknown>, index: number) => void): void {
  (Array.isArray(list) ? list : []).forEach((item, index) => {
    const entry = asRecord(item);
    if (entry) visit(entry, index);
  });
}

function portsOf(service: KubeObject): Record<string, unknown>[] {
  return asRecords(asRecord(service.body.spec)?.ports);
}

/** A Service port answers to its number, and to its name; Traefik writes a number as a string too. */
function exposes(service: KubeObject, port: number | string, targetPortToo: boolean): boolean {
  return portsOf(service).some(
    (entry) => entry.port === port || (typeof port === 'string' && (entry.name === port || String(entry.port) === port)) || (targetPortToo && entry.targetPort !== undefined && String(entry.targetPort) === String(port)),
  );
}

function describePort(port: Record<string, unknown>): string {
  return typeof port.name === 'string' ? `${String(port.port)} (${port.name})` : String(port.port);
}
