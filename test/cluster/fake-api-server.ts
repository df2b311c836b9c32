import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import jsonPatch from 'fast-json-patch';
import { DEEP_DIVE_TYPES, RESOURCE_TYPES } from '../../src/cluster/resources.js';
import type { LiveObject } from '../../src/cluster/cluster-state.js';
import { tempDir } from '../temp-dir.js';

const tls = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));

export interface FakeUser {
  /** Resources (plural, or `metrics`, `nodes/proxy`) this user may not read, like a user bound to `view`. */
  forbidden?: string[];
  /** The user may PATCH (hctl vcluster sync); otherwise a PATCH is 403, as for a `view` user. */
  canPatch?: boolean;
}

/** A kind the fake serves besides the ones hctl health reads (vCluster requests, Kratix objects). */
export interface FakeType {
  kind: string;
  group: string;
  plural: string;
}

export interface FakeClusterOptions {
  gitVersion?: string;
  /** API groups served, with versions (preferred first); the core group is always there. */
  groups: Record<string, string[]>;
  /** Objects by kind, as stored (with apiVersion and kind). */
  objects: Record<string, LiveObject[]>;
  /** Bearer tokens → users; client certificates authenticate as their CN. */
  tokens: Record<string, FakeUser>;
  certificateUsers?: Record<string, FakeUser>;
  metrics?: string;
  stats?: Record<string, unknown>;
  /**
   * Container logs by `namespace/pod/container` (the current run) and `…/previous` (the run before);
   * a log not given answers 400, as the kubelet does for a container that never ran.
   */
  logs?: Record<string, string>;
  /** The first list request that carries a continue token gets 410 Gone, as after etcd compaction. */
  expireFirstContinue?: boolean;
  types?: FakeType[];
}

export interface FakeApiServer {
  url: string;
  /** Every request received: method and path with query (and the body of a PATCH). */
  requests: { method: string; path: string; user?: string; contentType?: string; body?: unknown }[];
  close(): Promise<void>;
}

const STATUS = (code: number, reason: string, message: string) => JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code });

/**
 * An API server that speaks the parts of the real protocol hctl uses, over TLS with a custom CA:
 * /version, /apis discovery, paginated lists (limit/continue, 410 for an expired token), 401 for
 * unknown credentials, 403 for forbidden resources, 404 for groups not installed, /metrics and the
 * node proxy's stats summary; pod logs; namespaced lists, label and field selectors and GET by name; PATCH (merge and
 * JSON patch) for users allowed to, applied to the stored object. Other verbs get 405.
 */
export async function startFakeApiServer(options: FakeClusterOptions): Promise<FakeApiServer> {
  const requests: FakeApiServer['requests'] = [];
  let expired = false;
  const server = https.createServer({ key: tls('server.key'), cert: tls('server.crt'), ca: tls('ca.crt'), requestCert: true, rejectUnauthorized: false }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bodyText = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'https://fake');
    const send = (code: number, body: string, type = 'application/json') => {
      res.writeHead(code, { 'Content-Type': type });
      res.end(body);
    };
    const socket = req.socket as TLSSocket;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const cn = socket.authorized ? (socket.getPeerCertificate().subject?.CN as string | undefined) : undefined;
    const userName = token && options.tokens[token] ? token : cn && options.certificateUsers?.[cn] ? cn : undefined;
    const user = token ? options.tokens[token] : cn ? options.certificateUsers?.[cn] : undefined;
    const contentType = req.headers['content-type'];
    requests.push({
      method: req.method ?? '',
      path: url.pathname + url.search,
      ...(userName ? { user: userName } : {}),
      ...(bodyText ? { contentType, body: JSON.parse(bodyText) as unknown } : {}),
    });
    if (req.method !== 'GET' && req.method !== 'PATCH') return send(405, STATUS(405, 'MethodNotAllowed', `${req.method} is not allowed by the fake`));
    if (!user) return send(401, STATUS(401, 'Unauthorized', 'Unauthorized'));
    const forbid = (resource: string, group = '') =>
      send(403, STATUS(403, 'Forbidden', `${resource} is forbidden: User "${userName}" cannot list resource "${resource}" in API group "${group}" at the cluster scope`));

    if (url.pathname === '/version') return send(200, JSON.stringify({ major: '1', minor: '32', gitVersion: options.gitVersion ?? 'v1.32.3' }));
    if (url.pathname === '/apis') {
      const groups = Object.entries(options.groups).map(([name, versions]) => ({
        name,
        versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      }));
      return send(200, JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups }));
    }
    if (url.pathname === '/metrics') return user.forbidden?.includes('metrics') ? send(403, STATUS(403, 'Forbidden', 'forbidden: User cannot get path "/metrics"')) : send(200, options.metrics ?? '', 'text/plain');
    const proxy = /^\/api\/v1\/nodes\/([^/]+)\/proxy\/stats\/summary$/.exec(url.pathname);
    if (proxy) {
      if (user.forbidden?.includes('nodes/proxy')) return forbid('nodes/proxy');
      const stats = options.stats?.[decodeURIComponent(proxy[1]!)];
      return stats ? send(200, JSON.stringify(stats)) : send(503, STATUS(503, 'ServiceUnavailable', 'no kubelet'));
    }

    const log = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(url.pathname);
    if (log) {
      if (user.forbidden?.includes('pods/log')) return send(403, STATUS(403, 'Forbidden', `pods "${log[2]}" is forbidden: User "${userName}" cannot get resource "pods/log" in API group "" in the namespace "${log[1]}"`));
      const pod = options.objects.Pod?.find((item) => item.metadata.namespace === log[1] && item.metadata.name === log[2]);
      if (!pod) return send(404, STATUS(404, 'NotFound', `pods "${log[2]}" not found`));
      const container = url.searchParams.get('container') ?? '';
      const previous = url.searchParams.get('previous') === 'true';
      const text = options.logs?.[`${log[1]}/${log[2]}/${container}${previous ? '/previous' : ''}`];
      if (text === undefined) {
        return send(400, STATUS(400, 'BadRequest', previous ? `previous terminated container "${container}" in pod "${log[2]}" not found` : `container "${container}" in pod "${log[2]}" is waiting to start: ContainerCreating`));
      }
      const tail = Number(url.searchParams.get('tailLines') ?? 0);
      const lines = text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1);
      return send(200, `${(tail > 0 ? lines.slice(-tail) : lines).join('\n')}\n`, 'text/plain');
    }

    const match = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([a-z0-9]+)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return send(404, STATUS(404, 'NotFound', 'the server could not find the requested resource'));
    const group = match[2] ?? '';
    const version = match[1] ?? match[3]!;
    const namespace = match[4];
    const plural = match[5]!;
    const objectName = match[6] ? decodeURIComponent(match[6]) : undefined;
    const type = [...RESOURCE_TYPES, ...DEEP_DIVE_TYPES, ...(options.types ?? [])].find((candidate) => candidate.group === group && candidate.plural === plural);
    if (!type || (group && !options.groups[group]?.includes(version))) return send(404, STATUS(404, 'NotFound', 'the server could not find the requested resource'));
    if (user.forbidden?.includes(plural)) return forbid(plural, group);

    const stored = (options.objects[type.kind] ??= []);
    let items = namespace ? stored.filter((item) => item.metadata.namespace === namespace) : stored;
    if (objectName !== undefined) {
      const object = items.find((item) => item.metadata.name === objectName);
      if (!object) return send(404, STATUS(404, 'NotFound', `${plural}${group ? `.${group}` : ''} "${objectName}" not found`));
      if (req.method === 'PATCH') {
        if (!user.canPatch) return send(403, STATUS(403, 'Forbidden', `${plural} "${objectName}" is forbidden: User "${userName}" cannot patch resource "${plural}"`));
        const patch = JSON.parse(bodyText) as unknown;
        if (contentType === 'application/merge-patch+json') mergePatch(object, patch as Record<string, unknown>);
        else if (contentType === 'application/json-patch+json') {
          try {
            jsonPatch.applyPatch(object, patch as jsonPatch.Operation[], true, true);
          } catch (error) {
            return send(422, STATUS(422, 'Invalid', `the patch cannot be applied: ${(error as Error).message.split('\n')[0]}`));
          }
        } else return send(415, STATUS(415, 'UnsupportedMediaType', `the body of the request was in an unknown format: ${contentType}`));
      }
      return send(200, JSON.stringify(object));
    }
    if (req.method !== 'GET') return send(405, STATUS(405, 'MethodNotAllowed', 'collections cannot be patched'));
    const selector = url.searchParams.get('fieldSelector');
    if (selector) {
      const [field, value] = selector.split('=') as [string, string];
      items = items.filter((item) => field.split('.').reduce<any>((at, step) => at?.[step], item) === value);
    }
    const labels = url.searchParams.get('labelSelector');
    for (const term of labels ? labels.split(',') : []) {
      const [key, value] = term.split('=') as [string, string];
      items = items.filter((item) => item.metadata.labels?.[key] === value);
    }
    const limit = Number(url.searchParams.get('limit') ?? 0) || items.length;
    const token_ = url.searchParams.get('continue');
    if (token_ && options.expireFirstContinue && !expired) {
      expired = true;
      return send(410, STATUS(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'));
    }
    const offset = token_ ? Number(Buffer.from(token_, 'base64').toString('utf8').split(':')[1]) : 0;
    const page = items.slice(offset, offset + limit);
    const next = offset + limit < items.length ? Buffer.from(`rv42:${offset + limit}`).toString('base64') : undefined;
    // Typed lists carry no apiVersion/kind on their items, as the real server answers.
    const stripped = page.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
    return send(200, JSON.stringify({ kind: `${type.kind}List`, apiVersion: group ? `${group}/${version}` : 'v1', metadata: { resourceVersion: '42', ...(next ? { continue: next } : {}) }, items: stripped }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A kubeconfig file for the fake (context `homelab`), and an environment with no other kubeconfig to fall back on. */
export function kubeconfigFile(url: string, token: string): { file: string; env: Record<string, string | undefined> } {
  const dir = tempDir('kube');
  const file = path.join(dir, 'config');
  writeFileSync(file, kubeconfigFor(url, { token }, 'homelab'));
  return { file, env: { HOME: dir, KUBECONFIG: undefined } };
}

/** A kubeconfig for the fake: its CA, and either a bearer token or the test client certificate. */
export function kubeconfigFor(server: string, auth: { token: string } | { clientCertificate: true }, context = 'fake'): string {
  const b64 = (name: string) => tls(name).toString('base64');
  const user = 'token' in auth ? { token: auth.token } : { 'client-certificate-data': b64('client.crt'), 'client-key-data': b64('client.key') };
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'fake', cluster: { server, 'certificate-authority-data': b64('ca.crt') } }],
    users: [{ name: 'tester', user }],
    contexts: [{ name: context, context: { cluster: 'fake', user: 'tester' } }],
    'current-context': context,
  });
}

/** RFC 7386 merge patch, in place: null removes a key, objects merge, everything else replaces. */
function mergePatch(target: Record<string, any>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete target[key];
    else if (typeof value === 'object' && !Array.isArray(value)) {
      if (typeof target[key] !== 'object' || target[key] === null || Array.isArray(target[key])) target[key] = {};
      mergePatch(target[key], value as Record<string, unknown>);
    } else target[key] = value;
  }
}
