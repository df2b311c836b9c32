import type { Report } from '../report/report.js';

/** How long a report stays for its next pages: an agent pages through one reading within minutes. */
const KEPT_FOR_MS = 5 * 60 * 1000;
const KEPT = 8;

/**
 * The last reports the tools made, by what was read, so that the second page of a cluster's
 * findings comes from the same reading as the first (reading again could shift every finding by
 * one) and costs no API requests. A first page (offset 0) always reads afresh.
 */
export class RecentReports {
  private readonly reports = new Map<string, { report: Report; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string, fresh: boolean, make: () => Promise<Report>): Promise<Report> {
    const kept = this.reports.get(key);
    if (!fresh && kept && this.now() - kept.at < KEPT_FOR_MS) return kept.report;
    const report = await make();
    this.reports.delete(key);
    this.reports.set(key, { report, at: this.now() });
    if (this.reports.size > KEPT) this.reports.delete(this.reports.keys().next().value!);
    return report;
  }
}
