import { ingressClasses, type IngressClasses } from '../../k8s/ingress-classes.js';
import { objectNamespaces } from '../../k8s/object-namespaces.js';
import { routeBackends, type RouteBackend } from '../../k8s/route-backends.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord, asRecords } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Web UIs with no login of their own, by the Service names their charts and operators give them, and what anyone reaching them can do. */
const OPEN_UIS = [
  { ui: 'Prometheus', service: /^(?:prometheus(?:-server|-k8s|-operated)?|.+-prometheus)$/, power: 'read every metric of the cluster (and delete series, when the admin API is on)' },
  { ui: 'Alertmanager', service: /^(?:alertmanager(?:-main|-operated)?|.+-alertmanager)$/, power: 'silence every alert' },
  { ui: 'the Longhorn UI', service: /^longhorn-frontend$/, power: 'delete volumes and their data' },
  { ui: 'Hubble UI', service: /^hubble-ui$/, power: "watch every network flow of the cluster: which pod talks to which, and Hubble's L7 view of their requests" },
];

/** A login proxy's Service, named after what it guards (`oauth2-proxy-prometheus`). */
const PROXY = /oauth|proxy|auth/i;

/** Paths that take metrics in (remote write, OTLP, Loki/Mimir push) rather than serve the UI: another matter. */
const INGEST_PATHS = /^\/api\/v1\/(?:write|push|otlp)(?:\/|$)/;

/** Names of ingress classes, gateways, listeners and entry points that say who can reach them. */
const INTERNAL = /internal|private|intranet|(?:^|[^a-z])lan(?:[^a-z]|$)|local|tailscale|tailnet|vpn/i;
const PUBLIC = /external|public|internet|(?:^|[^a-z])wan(?:[^a-z]|$)/i;

/** Ingress annotations that put a login in front: ingress-nginx external and basic auth, a Traefik middleware, HAProxy's basic auth. */
const AUTH_ANNOTATIONS = ['nginx.ingress.kubernetes.io/auth-url', 'nginx.ingress.kubernetes.io/auth-type', 'traefik.ingress.kubernetes.io/router.middlewares', 'haproxy.org/auth-type', 'ingress.kubernetes.io/auth-type'];
/** Envoy Gateway SecurityPolicy fields that authenticate or authorise. */
const SECURITY_POLICY_AUTH = ['basicAuth', 'oidc', 'extAuth', 'jwt', 'apiKeyAuth', 'authorization'];

type Exposure = { reach: 'public' | 'unknown'; through: string } | { reach: 'internal' };

export default {
  meta: {
    id: 'monitoring-ui-exposed',
    domain: 'network',
    severity: 'warning',
    title: 'A route sends traffic straight to Prometheus, Alertmanager, the Longhorn UI or Hubble UI, with no auth in front (critical on a public class or gateway)',
    source: 'C5 (seed 004: Prometheus exposed unauthenticated, fixed with OAuth2-Proxy); these UIs have no login of their own',
  },
  check(context) {
    const namespaceOf = objectNamespaces(context.objects, context.argoBuilds);
    const classes = ingressClasses(context.applied);
    const policies = securedTargets(context.applied, namespaceOf);
    for (const route of context.applied) {
      const namespace = namespaceOf(route);
      for (const backend of routeBackends(route, namespace)) {
        const open = PROXY.test(backend.service) ? undefined : OPEN_UIS.find((candidate) => candidate.service.test(backend.service));
        if (!open || (backend.paths.length > 0 && backend.paths.every((path) => INGEST_PATHS.test(path))) || guarded(route, backend, namespace, policies)) continue;
        const exposure = exposureOf(route, backend, classes);
        if (exposure.reach === 'internal') continue;
        const host = backend.hosts[0];
        context.report({
          object: route,
          path: backend.servicePath,
          ...(exposure.reach === 'public' ? { severity: 'critical' as const } : {}),
          message: `sends ${host ?? 'its traffic'} straight to ${open.ui} (Service ${backend.namespace ?? ''}/${backend.service}), which has no login of its own, with no auth in front: anyone who reaches ${exposure.through} can ${open.power}`,
          hint: 'Put a login in front — oauth2-proxy or Authelia/Authentik forward auth (ingress-nginx auth-url annotations, a Traefik middleware, an Envoy Gateway SecurityPolicy, a Gateway API ExtensionRef filter) — or serve it only on an internal class or gateway.',
        });
      }
    }
  },
} satisfies Rule;

/** Whether something in front of the backend asks for a login. */
function guarded(route: KubeObject, backend: RouteBackend, namespace: string | undefined, policies: Set<string>): boolean {
  if (route.kind === 'Ingress') {
    const annotations = asRecord(asRecord(route.body.metadata)?.annotations) ?? {};
    return AUTH_ANNOTATIONS.some((annotation) => typeof annotations[annotation] === 'string' && annotations[annotation] !== '');
  }
  if (apiGroup(route.apiVersion) === 'gateway.networking.k8s.io') {
    if (asRecords(backend.entry?.filters).some((filter) => filter.type === 'ExtensionRef')) return true;
    if (policies.has(`HTTPRoute/${namespace ?? ''}/${route.name ?? ''}`)) return true;
    return parentGateways(route, namespace).some((gateway) => policies.has(`Gateway/${gateway}`));
  }
  // Traefik: a middleware on the route (forwardAuth, basicAuth, a chain of them).
  return asRecords(backend.entry?.middlewares).length > 0;
}

/** `namespace/name` of each Gateway a route attaches to. */
function parentGateways(route: KubeObject, namespace: string | undefined): string[] {
  return asRecords(asRecord(route.body.spec)?.parentRefs)
    .filter((parent) => (parent.kind ?? 'Gateway') === 'Gateway' && typeof parent.name === 'string')
    .map((parent) => `${typeof parent.namespace === 'string' ? parent.namespace : (namespace ?? '')}/${String(parent.name)}`);
}

/** `Kind/namespace/name` of each route or Gateway an Envoy Gateway SecurityPolicy of the repository authenticates. */
function securedTargets(objects: readonly KubeObject[], namespaceOf: (object: KubeObject) => string | undefined): Set<string> {
  const targets = new Set<string>();
  for (const policy of objects) {
    if (policy.kind !== 'SecurityPolicy' || apiGroup(policy.apiVersion) !== 'gateway.envoyproxy.io') continue;
    const spec = asRecord(policy.body.spec) ?? {};
    if (!SECURITY_POLICY_AUTH.some((field) => spec[field] !== undefined)) continue;
    for (const target of [...asRecords(spec.targetRefs), ...(asRecord(spec.targetRef) ? [asRecord(spec.targetRef)!] : [])]) {
      if (typeof target.kind === 'string' && typeof target.name === 'string') targets.add(`${target.kind}/${namespaceOf(policy) ?? ''}/${target.name}`);
    }
  }
  return targets;
}

/** Who can reach the route, as far as its class, gateways or entry points say by name. */
function exposureOf(route: KubeObject, backend: RouteBackend, classes: IngressClasses): Exposure {
  const spec = asRecord(route.body.spec) ?? {};
  let names: string[];
  let describe: (name: string) => string;
  if (route.kind === 'Ingress') {
    const name = classes.classOf(route);
    names = name === undefined ? [] : [name];
    describe = (name) => `ingress class ${name}`;
  } else if (apiGroup(route.apiVersion) === 'gateway.networking.k8s.io') {
    names = asRecords(spec.parentRefs)
      .filter((parent) => typeof parent.name === 'string')
      .map((parent) => [parent.name, parent.sectionName].filter((part) => typeof part === 'string').join('/'));
    describe = (name) => `the listener ${name}`;
  } else {
    names = (Array.isArray(spec.entryPoints) ? spec.entryPoints : []).filter((entry): entry is string => typeof entry === 'string');
    describe = (name) => `entry point ${name}`;
  }
  const open = names.filter((name) => !INTERNAL.test(name));
  if (names.length > 0 && open.length === 0) return { reach: 'internal' };
  const exposed = open.find((name) => PUBLIC.test(name));
  if (exposed) return { reach: 'public', through: describe(exposed) };
  return { reach: 'unknown', through: backend.hosts.length > 0 ? backend.hosts.join(', ') : 'this route' };
}
