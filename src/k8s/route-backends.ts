import { apiGroup, type KubeObject, type NodePath } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';

const GATEWAY_ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
const TRAEFIK_ROUTE_KINDS = new Set(['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP']);

/** One Service a route sends traffic to, by port number or name. */
export interface RouteBackend {
  namespace: string | undefined;
  service: string;
  port: number | string;
  /** Where the port is written. */
  path: NodePath;
  /** Where the Service's name is written. */
  servicePath: NodePath;
  /** The Gateway API rule or Traefik route the backend belongs to (its filters, middlewares); absent for an Ingress. */
  entry?: Record<string, unknown>;
  /** The host names the backend serves, as written (none: every host). */
  hosts: string[];
  /** The URL paths (prefixes or exact) the backend serves (none: every path). */
  paths: string[];
}

/** The Service backends a route names: Ingress `backend.service`, Gateway API `backendRefs`, Traefik `services`. */
export function routeBackends(route: KubeObject, namespace: string | undefined): RouteBackend[] {
  const group = apiGroup(route.apiVersion);
  const spec = asRecord(route.body.spec) ?? {};
  const backends: RouteBackend[] = [];
  if (route.kind === 'Ingress' && group === 'networking.k8s.io') {
    const add = (backend: unknown, path: NodePath, hosts: string[], paths: string[]) => {
      const service = asRecord(asRecord(backend)?.service);
      const port = asRecord(service?.port) ?? {};
      if (typeof service?.name !== 'string') return;
      const servicePath = [...path, 'service', 'name'];
      if (typeof port.number === 'number') backends.push({ namespace, service: service.name, port: port.number, path: [...path, 'service', 'port', 'number'], servicePath, hosts, paths });
      else if (typeof port.name === 'string') backends.push({ namespace, service: service.name, port: port.name, path: [...path, 'service', 'port', 'name'], servicePath, hosts, paths });
    };
    add(spec.defaultBackend, ['spec', 'defaultBackend'], [], []);
    eachOf(spec.rules, (rule, ruleIndex) => {
      const hosts = typeof rule.host === 'string' ? [rule.host] : [];
      eachOf(asRecord(rule.http)?.paths, (entry, pathIndex) => add(entry.backend, ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend'], hosts, typeof entry.path === 'string' ? [entry.path] : []));
    });
  } else if (GATEWAY_ROUTE_KINDS.has(route.kind) && group === 'gateway.networking.k8s.io') {
    const hosts = (Array.isArray(spec.hostnames) ? spec.hostnames : []).filter((host): host is string => typeof host === 'string');
    eachOf(spec.rules, (rule, ruleIndex) => {
      const paths: string[] = [];
      eachOf(rule.matches, (match) => {
        const value = asRecord(match.path)?.value;
        paths.push(typeof value === 'string' ? value : '/');
      });
      eachOf(rule.backendRefs, (ref, refIndex) => {
        if ((ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '' || typeof ref.name !== 'string' || typeof ref.port !== 'number') return;
        const path: NodePath = ['spec', 'rules', ruleIndex, 'backendRefs', refIndex];
        backends.push({ namespace: typeof ref.namespace === 'string' ? ref.namespace : namespace, service: ref.name, port: ref.port, path: [...path, 'port'], servicePath: [...path, 'name'], entry: rule, hosts, paths });
      });
    });
  } else if (TRAEFIK_ROUTE_KINDS.has(route.kind) && (group === 'traefik.io' || group === 'traefik.containo.us')) {
    eachOf(spec.routes, (entry, routeIndex) => {
      // Host(`a.example.com`), HostSNI(`…`), Path(`/x`) and PathPrefix(`/x`) in the match expression.
      const match = typeof entry.match === 'string' ? entry.match : '';
      const hosts = [...match.matchAll(/Host(?:SNI)?\(\s*`([^`]+)`/g)].map((found) => found[1]!);
      const paths = [...match.matchAll(/Path(?:Prefix)?\(\s*`([^`]+)`/g)].map((found) => found[1]!);
      eachOf(entry.services, (service, serviceIndex) => {
        if ((service.kind ?? 'Service') !== 'Service' || typeof service.name !== 'string' || (typeof service.port !== 'number' && typeof service.port !== 'string')) return;
        const path: NodePath = ['spec', 'routes', routeIndex, 'services', serviceIndex];
        backends.push({ namespace: typeof service.namespace === 'string' ? service.namespace : namespace, service: service.name, port: service.port, path: [...path, 'port'], servicePath: [...path, 'name'], entry, hosts, paths });
      });
    });
  }
  return backends;
}

function eachOf(list: unknown, visit: (entry: Record<string, unknown>, index: number) => void): void {
  (Array.isArray(list) ? list : []).forEach((item, index) => {
    const entry = asRecord(item);
    if (entry) visit(entry, index);
  });
}
