import { describe, expect, it } from 'vitest';
import { RecentReports } from '../../src/mcp/recent-reports.js';
import { buildReport, type Report } from '../../src/report/report.js';

function counter(): { make: () => Promise<Report>; made: () => number } {
  let made = 0;
  return {
    make: async () => buildReport({ command: 'health', version: String(++made), findings: [], details: {}, itemCount: 0, unhealthyItems: 0 }),
    made: () => made,
  };
}

describe('RecentReports', () => {
  it('a later page reuses the reading; a first page reads afresh', async () => {
    const recent = new RecentReports(() => 0);
    const { make, made } = counter();
    const first = await recent.get('health', true, make);
    expect(await recent.get('health', false, make)).toBe(first);
    expect(made()).toBe(1);
    expect(await recent.get('health', true, make)).not.toBe(first);
    expect(made()).toBe(2);
  });

  it('reads again after five minutes, or when the key differs', async () => {
    let now = 0;
    const recent = new RecentReports(() => now);
    const { make, made } = counter();
    await recent.get('a', true, make);
    await recent.get('b', false, make);
    expect(made()).toBe(2);
    now = 5 * 60 * 1000;
    await recent.get('a', false, make);
    expect(made()).toBe(3);
  });

  it('keeps the eight most recent readings', async () => {
    const recent = new RecentReports(() => 0);
    const { make, made } = counter();
    for (let i = 0; i < 9; i++) await recent.get(String(i), true, make);
    await recent.get('8', false, make);
    expect(made()).toBe(9);
    await recent.get('0', false, make);
    expect(made()).toBe(10);
  });
});
