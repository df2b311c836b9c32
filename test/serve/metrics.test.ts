import { describe, expect, it } from 'vitest';
import { renderMetrics } from '../../src/serve/metrics.js';
import { latest } from './example-report.js';

describe('the metrics', () => {
  it('the status as a number, findings by domain and severity, the last reading and the failures', () => {
    const text = renderMetrics(latest, { lastReadingAt: new Date('2026-11-24T12:00:00Z'), failedReadings: 2 });
    expect(text).toContain('\nhctl_health_status 2\n');
    expect(text).toContain('\nhctl_findings{domain="pods",severity="critical"} 1\n');
    expect(text).toContain('\nhctl_findings{domain="argocd",severity="critical"} 0\n');
    expect(text).toContain('\nhctl_last_reading_timestamp_seconds 1795521600\n');
    expect(text).toContain('\nhctl_failed_readings_total 2\n');
    const before = renderMetrics(undefined, { failedReadings: 0 });
    expect(before).not.toMatch(/^hctl_health_status /m);
    expect(before).toContain('hctl_failed_readings_total 0');
  });
});
