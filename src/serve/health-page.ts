import type { DomainSummary } from '../engine/check-cluster.js';
import { describeResource, type Finding } from '../report/finding.js';
import { countsPhrase, verdictOf } from '../report/listing.js';
import type { Report } from '../report/report.js';
import type { HistoryEntry, HistoryFinding } from './history-store.js';

/** Changes the page shows; /api/history has them all. */
const HISTORY_SHOWN = 50;

export interface PageState {
  latest: Report | undefined;
  lastReadingAt: Date | undefined;
  /** Why the newest reading failed, when it did: the page then shows the last good one, marked stale. */
  lastError: string | undefined;
  history: readonly HistoryEntry[];
  intervalSeconds: number;
}

/**
 * The page `hctl serve` shows: the verdict, the domains, the findings with their hints, and the
 * history of changes, newest first. One self-contained HTML document (no script, no external
 * resources: it works offline and behind any proxy) that reloads itself at the reading interval.
 */
export function renderHealthPage(state: PageState): string {
  const { latest } = state;
  const title = latest ? `${verdictOf(latest)} — hctl` : 'hctl';
  const body = latest ? [summarySection(state, latest), domainsSection(latest), findingsSection(latest), historySection(state.history)] : [`<p class="muted">${state.lastError ? `The first reading failed: ${escape(state.lastError)}` : 'Reading the cluster…'}</p>`];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${Math.max(5, Math.round(state.intervalSeconds))}">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>hctl health</h1>
${body.join('\n')}
</body>
</html>
`;
}

function summarySection(state: PageState, latest: Report): string {
  const details = latest.details as { source?: { type: string; location: string }; serverVersion?: string; takenAt?: string };
  const from = details.source?.type === 'snapshot' ? `snapshot ${details.source.location} (taken ${details.takenAt ?? '?'})` : `cluster ${details.source?.location ?? ''}`;
  const stale = state.lastError ? `<p class="stale">The last reading failed: ${escape(state.lastError)}. Shown: the reading before it.</p>` : '';
  return `<p class="verdict ${latest.status}">${escape(verdictOf(latest))} <span>${escape(countsPhrase(latest.summary))}</span></p>
<p class="muted">${escape(from)}${details.serverVersion ? `, Kubernetes ${escape(details.serverVersion)}` : ''}; read ${escape(state.lastReadingAt?.toISOString() ?? '')}, again every ${state.intervalSeconds}s</p>
${stale}`;
}

function domainsSection(latest: Report): string {
  const domains = Object.entries((latest.details.domains as Record<string, DomainSummary> | undefined) ?? {});
  const rows = domains.map(([name, summary]) =>
    summary.status === 'not-installed'
      ? `<tr><td>${escape(name)}</td><td class="muted">not installed</td><td></td><td></td><td></td></tr>`
      : `<tr><td>${escape(name)}</td><td class="${summary.status}">${summary.status}</td><td>${summary.checked}</td><td>${summary.critical}</td><td>${summary.warnings}</td></tr>`,
  );
  return `<h2>Domains</h2>
<table><thead><tr><th>domain</th><th>status</th><th>checked</th><th>critical</th><th>warnings</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function findingsSection(latest: Report): string {
  if (latest.findings.length === 0) return '<h2>Findings</h2>\n<p class="muted">None.</p>';
  const items = latest.findings.map(
    (finding) => `<li><span class="severity ${finding.severity}">${finding.severity}</span> <span class="domain">${escape(finding.domain ?? '')}</span> ${resourceLabel(finding)}${escape(finding.message)} <code>${escape(finding.rule)}</code><div class="hint">${escape(finding.hint)}</div></li>`,
  );
  return `<h2>Findings</h2>\n<ul class="findings">${items.join('\n')}</ul>`;
}

function historySection(history: readonly HistoryEntry[]): string {
  const shown = history.slice(-HISTORY_SHOWN).reverse();
  if (shown.length === 0) return '';
  const items = shown.map((entry) => {
    const changes = [...(entry.resolved ?? []).map((finding) => change('−', 'resolved', finding)), ...(entry.added ?? []).map((finding) => change('+', 'added', finding))];
    const what = entry.error !== undefined ? `reading failed: ${escape(entry.error)}` : entry.summary ? escape(countsPhrase(entry.summary)) : '';
    return `<li><time>${escape(entry.timestamp)}</time> <span class="${entry.status}">${entry.status.toUpperCase()}</span> ${what}${changes.length > 0 ? `<ul>${changes.join('')}</ul>` : ''}</li>`;
  });
  const more = history.length > HISTORY_SHOWN ? `<p class="muted">${history.length - HISTORY_SHOWN} older changes at <a href="api/history">api/history</a>.</p>` : '';
  return `<h2>History</h2>\n<ul class="history">${items.join('\n')}</ul>\n${more}`;
}

function change(sign: string, kind: string, finding: HistoryFinding): string {
  return `<li class="${kind}">${sign} <span class="${finding.severity}">${finding.severity}</span> ${resourceLabel(finding)}${escape(finding.message)} <code>${escape(finding.rule)}</code></li>`;
}

function resourceLabel(finding: Pick<Finding, 'resource'>): string {
  return finding.resource?.name ? `<b>${escape(describeResource(finding.resource))}</b>: ` : '';
}

/** Text into HTML: finding messages quote whatever the cluster says (event messages, image names). */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1d1d1f; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6e6e6; background: #161618; } table td, table th { border-color: #333; } }
h1 { font-size: 1.2rem; margin: 0 0 .5rem; } h2 { font-size: 1.05rem; margin-top: 2rem; }
.verdict { font-size: 1.6rem; font-weight: 700; margin: .3rem 0; } .verdict span { font-size: 1rem; font-weight: 400; }
.muted { color: #888; } .stale { color: #b35c00; }
.critical { color: #d12f2f; } .warning { color: #b38600; } .healthy { color: #2f8f46; } .info { color: #3a6fd1; } .error { color: #d12f2f; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem; border-bottom: 1px solid #ddd; text-align: left; }
ul { padding-left: 1.2rem; } li { margin: .35rem 0; }
ul.findings > li .severity { font-weight: 600; } .domain { color: #888; }
.hint { color: #888; font-size: .9em; } code { font-size: .85em; color: #888; }
time { font-variant-numeric: tabular-nums; color: #888; } li.resolved { opacity: .7; }
`;
