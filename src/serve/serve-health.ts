import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Finding } from '../report/finding.js';
import { errorReport, type Report } from '../report/report.js';
import { findingChanges } from '../watch/finding-changes.js';
import type { WatchCycle } from '../watch/watch-loop.js';
import { renderHealthPage } from './health-page.js';
import { historyFindings, type HistoryFinding, type HistoryStore } from './history-store.js';
import { renderMetrics } from './metrics.js';

/** What the server shows: the last good reading, the newest failure, the history. */
export class HealthState {
  latest: Report | undefined;
  lastReadingAt: Date | undefined;
  lastError: string | undefined;
  failedReadings = 0;
  /** Known from the first reading on: the default history file is named after the cluster's context. */
  history: HistoryStore | undefined;

  constructor(
    readonly intervalSeconds: number,
    readonly version: string,
  ) {}

  /**
   * Takes one reading of the watch loop. History keeps the readings that changed something, the
   * first of each run (compared with what history last knew, so a restart records only what changed
   * while hctl was not watching), and failures.
   */
  record(cycle: WatchCycle, history: HistoryStore): void {
    this.history = history;
    const timestamp = cycle.at.toISOString();
    if ('error' in cycle) {
      this.lastError = cycle.error;
      this.failedReadings++;
      history.append({ timestamp, status: 'error', error: cycle.error });
      return;
    }
    const { report } = cycle;
    this.latest = report;
    this.lastReadingAt = cycle.at;
    this.lastError = undefined;
    const changes = cycle.previous ? cycle.changes : findingChanges(knownFindings(history), report.findings);
    const statusMoved = (cycle.previous?.status ?? history.all().findLast((entry) => entry.summary !== undefined)?.status) !== report.status;
    if (changes.added.length === 0 && changes.resolved.length === 0 && !statusMoved) return;
    history.append({ timestamp, status: report.status, summary: report.summary, added: historyFindings(changes.added), resolved: historyFindings(changes.resolved) });
  }
}

/** The findings as history last knew them: each entry's additions less its resolutions, replayed in order. */
function knownFindings(history: HistoryStore): Finding[] {
  const asFindings = (findings: HistoryFinding[] | undefined): Finding[] => (findings ?? []).map((finding) => ({ ...finding, hint: '', docs: '' }));
  let known: Finding[] = [];
  for (const entry of history.all()) {
    if (entry.summary === undefined) continue;
    known = [...findingChanges(known, asFindings(entry.resolved)).resolved, ...asFindings(entry.added)];
  }
  return known;
}

/**
 * The local web server: `/` the page, `/api/health` the last good report (the `hctl health --format
 * json` contract), `/api/history` the changes, `/metrics` for Prometheus. GET and HEAD only; it
 * changes nothing anywhere.
 */
export function startHealthServer(state: HealthState, address: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => respond(state, request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      const { port: bound } = server.address() as AddressInfo;
      resolve({ server, url: `http://${address.includes(':') ? `[${address}]` : address}:${bound}/` });
    });
  });
}

type Reply = { status: number; type: string; body: string; headers?: Record<string, string> };

/** The paths the server answers, each with how. */
export const ROUTES: Record<string, (state: HealthState) => Reply> = {
  '/': (state) => ({
    status: 200,
    type: 'text/html; charset=utf-8',
    body: renderHealthPage({ latest: state.latest, lastReadingAt: state.lastReadingAt, lastError: state.lastError, history: state.history?.all() ?? [], intervalSeconds: state.intervalSeconds }),
  }),
  '/api/health': (state) =>
    state.latest
      ? { status: 200, type: 'application/json', body: `${JSON.stringify(state.latest, null, 2)}\n` }
      : { status: 503, type: 'application/json', body: `${JSON.stringify(errorReport('health', state.version, state.lastError ?? 'no reading yet: try again in a moment'), null, 2)}\n`, headers: { 'Retry-After': String(state.intervalSeconds) } },
  '/api/history': (state) => ({ status: 200, type: 'application/json', body: `${JSON.stringify(state.history?.all() ?? [])}\n` }),
  '/metrics': (state) => ({
    status: 200,
    type: 'text/plain; version=0.0.4; charset=utf-8',
    body: renderMetrics(state.latest, { ...(state.lastReadingAt ? { lastReadingAt: state.lastReadingAt } : {}), failedReadings: state.failedReadings }),
  }),
};

function respond(state: HealthState, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(request, response, { status: 405, type: 'text/plain; charset=utf-8', body: 'hctl serve is read-only: GET and HEAD only\n', headers: { Allow: 'GET, HEAD' } });
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const route = Object.hasOwn(ROUTES, pathname) ? ROUTES[pathname]! : undefined;
  send(request, response, route ? route(state) : { status: 404, type: 'text/plain; charset=utf-8', body: `not found: ${pathname} (try ${Object.keys(ROUTES).join(', ')})\n` });
}

function send(request: IncomingMessage, response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'Content-Type': reply.type, 'Content-Length': Buffer.byteLength(reply.body), 'Cache-Control': 'no-store', ...reply.headers });
  response.end(request.method === 'HEAD' ? undefined : reply.body);
}
