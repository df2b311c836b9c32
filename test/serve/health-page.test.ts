import { describe, expect, it } from 'vitest';
import { renderHealthPage, type PageState } from '../../src/serve/health-page.js';
import { finding, latest } from './example-report.js';

const state = (changes: Partial<PageState> = {}): PageState => ({ latest, lastReadingAt: new Date('2026-11-24T12:00:00Z'), lastError: undefined, history: [], intervalSeconds: 60, ...changes });

describe('the health page', () => {
  it('the verdict, the domains, the findings with hints; what the cluster says is escaped', () => {
    const html = renderHealthPage(state());
    expect(html).toContain('<title>CRITICAL — hctl</title>');
    expect(html).toContain('<p class="verdict critical">CRITICAL <span>1 critical, 0 warnings, 0 info</span></p>');
    expect(html).toContain('<tr><td>pods</td><td class="critical">critical</td><td>4</td><td>1</td><td>0</td></tr>');
    expect(html).toContain('<td class="muted">not installed</td>');
    expect(html).toContain('<b>Pod media/x</b>: Back-off pulling image &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html).toContain('<div class="hint">Check the image &amp; tag</div>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<meta http-equiv="refresh" content="60">');
  });

  it('history newest first, with what was added and resolved', () => {
    const html = renderHealthPage(state({
      history: [
        { timestamp: '2026-11-24T10:00:00Z', status: 'critical', summary: latest.summary, added: [finding], resolved: [] },
        { timestamp: '2026-11-24T11:00:00Z', status: 'healthy', summary: { ...latest.summary, critical: 0 }, added: [], resolved: [finding] },
        { timestamp: '2026-11-24T11:30:00Z', status: 'error', error: 'connection refused' },
      ],
    }));
    const history = html.slice(html.indexOf('<h2>History</h2>'));
    expect(history.indexOf('11:30:00')).toBeLessThan(history.indexOf('11:00:00'));
    expect(history.indexOf('11:00:00')).toBeLessThan(history.indexOf('10:00:00'));
    expect(history).toContain('<span class="error">ERROR</span> reading failed: connection refused');
    expect(history).toContain('<li class="resolved">− <span class="critical">critical</span> <b>Pod media/x</b>');
    expect(history).toContain('<li class="added">+ <span class="critical">critical</span>');
  });

  it('before the first reading, and after a failed one', () => {
    expect(renderHealthPage(state({ latest: undefined, lastReadingAt: undefined }))).toContain('Reading the cluster…');
    expect(renderHealthPage(state({ lastError: 'connection refused' }))).toContain('<p class="stale">The last reading failed: connection refused. Shown: the reading before it.</p>');
  });
});
