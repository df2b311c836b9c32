// Measures `hctl health` on a generated cluster of 5,000 pods: the API requests it makes, the time
// spent reading the lists and the time spent judging them, and peak memory. The cluster is served
// by a minimal HTTP API server in this process (lists with limit/continue), so reading includes
// real HTTP, JSON parsing and trimming. Usage: node bench/health-pods.mjs [PODS] (needs a build).
import http from 'node:http';
import { KubeConfig } from '@kubernetes/client-node';
import { ApiClient } from '../dist/cluster/api-client.js';
import { readCluster } from '../dist/cluster/read-cluster.js';
import { ETCD_METRICS, NODE_STATS, RESOURCE_TYPES } from '../dist/cluster/resources.js';
import { defaultConfig } from '../dist/config/config.js';
import { checkCluster } from '../dist/engine/check-cluster.js';
import { HEALTH_RULES } from '../dist/rules/health-index.js';
import { HEALTH_DOMAINS } from '../dist/cluster/resources.js';

const PODS = Number(process.argv[2] ?? 5000);
const NAMESPACES = 100;
const now = Date.now();
const ago = (minutes) => new Date(now - minutes * 60_000).toISOString();

/** A realistic spread: most pods fine, some crash-looping, pending, OOMKilled or evicted. */
function generate() {
  const objects = { Node: [], Pod: [], Deployment: [], Service: [], EndpointSlice: [], Event: [] };
  for (let n = 0; n < 20; n++) {
    objects.Node.push({ apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${n}` }, status: { nodeInfo: { kubeletVersion: 'v1.32.3' }, conditions: [{ type: 'Ready', status: n === 7 ? 'False' : 'True', reason: 'KubeletReady', lastTransitionTime: ago(30) }] } });
  }
  for (let i = 0; i < PODS; i++) {
    const namespace = `team-${i % NAMESPACES}`;
    const app = `app-${Math.floor(i / 5)}`;
    const state = i % 97 === 0 ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: { startedAt: ago(600) } };
    objects.Pod.push({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `${app}-7d9c6b5f4-${i}`, namespace, labels: { app }, creationTimestamp: ago(900), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-7d9c6b5f4`, controller: true }], managedFields: [{ manager: 'kubelet', fieldsV1: { 'f:status': { 'f:conditions': {} } } }] },
      spec: { nodeName: `node-${i % 20}`, containers: [{ name: 'app', image: `ghcr.io/example/${app}:1.0.${i % 10}`, resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } } }] },
      status: { phase: i % 211 === 0 ? 'Pending' : 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'app', ready: !state.waiting, restartCount: state.waiting ? 40 : i % 13 === 0 ? 1 : 0, state, ...(i % 301 === 0 ? { lastState: { terminated: { reason: 'OOMKilled', exitCode: 137, finishedAt: ago(60) } } } : {}) }] },
    });
    if (i % 5 === 0) {
      objects.Deployment.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace }, spec: { replicas: 5 }, status: { availableReplicas: 5, readyReplicas: 5 } });
      objects.Service.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: app, namespace }, spec: { selector: { app }, ports: [{ port: 80 }] } });
      objects.EndpointSlice.push({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${app}-x`, namespace, labels: { 'kubernetes.io/service-name': app } }, endpoints: [{ addresses: ['10.0.0.1'], conditions: { ready: true } }] });
      objects.Event.push({ apiVersion: 'v1', kind: 'Event', metadata: { name: `${app}.1`, namespace }, type: 'Warning', reason: 'Unhealthy', count: 2, involvedObject: { kind: 'Pod', namespace, name: `${app}-7d9c6b5f4-${i}` } });
    }
  }
  return objects;
}

function serve(objects) {
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://bench');
    const json = (code, body) => { res.writeHead(code, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (url.pathname === '/version') return json(200, { gitVersion: 'v1.32.3' });
    if (url.pathname === '/apis') return json(200, { groups: ['apps', 'batch', 'discovery.k8s.io', 'networking.k8s.io', 'storage.k8s.io'].map((name) => ({ name, versions: [{ version: 'v1' }], preferredVersion: { version: 'v1' } })) });
    if (url.pathname === '/metrics') return res.end('apiserver_storage_size_bytes 4.2e+07\n');
    if (url.pathname.includes('/proxy/stats/summary')) return json(200, { pods: [] });
    const plural = url.pathname.split('/').at(-1);
    const type = RESOURCE_TYPES.find((candidate) => candidate.plural === plural);
    if (!type) return json(404, { kind: 'Status', code: 404, reason: 'NotFound', message: 'not found' });
    const items = objects[type.kind] ?? [];
    const limit = Number(url.searchParams.get('limit')) || items.length;
    const offset = Number(url.searchParams.get('continue') ?? 0);
    const next = offset + limit < items.length ? String(offset + limit) : undefined;
    json(200, { kind: `${type.kind}List`, metadata: next ? { continue: next } : {}, items: items.slice(offset, offset + limit) });
  });
}

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const objects = generate();
const server = serve(objects);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}`;
const kubeconfig = new KubeConfig();
kubeconfig.loadFromOptions({ clusters: [{ name: 'bench', server: url, skipTLSVerify: true }], users: [{ name: 'bench', token: 'x' }], contexts: [{ name: 'bench', cluster: 'bench', user: 'bench' }], currentContext: 'bench' });
const baseline = process.memoryUsage().rss;

const reads = new Set([...RESOURCE_TYPES.map((type) => type.kind), ETCD_METRICS, NODE_STATS]);
const rounds = [];
for (let round = 0; round < 5; round++) {
  const client = new ApiClient(kubeconfig, url, { timeoutMs: 30_000, concurrency: 6 });
  const t0 = performance.now();
  const state = await readCluster(client, { reads, concurrency: 6 });
  const t1 = performance.now();
  const report = checkCluster(state, { config: defaultConfig(), domains: HEALTH_DOMAINS, version: 'bench', source: { type: 'cluster', location: 'bench' } });
  const t2 = performance.now();
  client.close();
  rounds.push({ read: t1 - t0, judge: t2 - t1, requests: client.requests, findings: report.findings.length, pods: state.objects.get('Pod').length });
}
clearInterval(sample);
server.close();
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const read = median(rounds.map((r) => r.read));
const judge = median(rounds.map((r) => r.judge));
console.log(`hctl health on ${rounds[0].pods} pods (+${objects.Deployment.length} Deployments, Services, EndpointSlices, Events; 20 nodes), median of ${rounds.length} rounds:`);
console.log(`  API requests:        ${rounds[0].requests}`);
console.log(`  reading the lists:   ${read.toFixed(0)} ms (HTTP server in the same process)`);
console.log(`  judging (${HEALTH_RULES.filter((rule) => rule.check).length} checks): ${judge.toFixed(1)} ms = ${((judge / read) * 100).toFixed(1)}% of reading`);
console.log(`  findings:            ${rounds[0].findings}`);
console.log(`  peak RSS:            ${(peak / 2 ** 20).toFixed(0)} MB (generated cluster and server: ${(baseline / 2 ** 20).toFixed(0)} MB before reading)`);
