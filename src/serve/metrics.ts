import type { DomainSummary } from '../engine/check-cluster.js';
import { SEVERITIES } from '../report/finding.js';
import type { Report } from '../report/report.js';

const STATUS_VALUE = { healthy: 0, warning: 1, critical: 2, error: 3 } as const;

/**
 * The latest verdict in Prometheus' text format, for a Grafana panel or an alert on the homelab's
 * own Prometheus: the status as a number (hctl's exit codes), findings per domain and severity, and
 * when the last reading was and how many failed.
 */
export function renderMetrics(latest: Report | undefined, state: { lastReadingAt?: Date; failedReadings: number }): string {
  const lines = [
    '# HELP hctl_health_status The last verdict: 0 healthy, 1 warning, 2 critical (hctl health exit codes); absent before the first reading.',
    '# TYPE hctl_health_status gauge',
  ];
  if (latest) lines.push(`hctl_health_status ${STATUS_VALUE[latest.status]}`);
  lines.push('# HELP hctl_findings Findings of the last reading, by domain and severity.', '# TYPE hctl_findings gauge');
  if (latest) {
    const domains = Object.keys((latest.details.domains as Record<string, DomainSummary> | undefined) ?? {});
    for (const domain of domains) {
      for (const severity of SEVERITIES) {
        const count = latest.findings.filter((finding) => finding.domain === domain && finding.severity === severity).length;
        lines.push(`hctl_findings{domain="${domain}",severity="${severity}"} ${count}`);
      }
    }
  }
  lines.push('# HELP hctl_last_reading_timestamp_seconds When the last good reading finished.', '# TYPE hctl_last_reading_timestamp_seconds gauge');
  if (state.lastReadingAt) lines.push(`hctl_last_reading_timestamp_seconds ${Math.floor(state.lastReadingAt.getTime() / 1000)}`);
  lines.push('# HELP hctl_failed_readings_total Readings that failed (cluster unreachable, credentials rejected).', '# TYPE hctl_failed_readings_total counter');
  lines.push(`hctl_failed_readings_total ${state.failedReadings}`);
  return `${lines.join('\n')}\n`;
}
