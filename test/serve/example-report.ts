import type { Finding } from '../../src/report/finding.js';
import { buildReport } from '../../src/report/report.js';

/** A health report with one critical finding whose message holds HTML, and a domain not installed. */
export const finding: Finding = { rule: 'pod-image-pull-failing', severity: 'critical', message: 'Back-off pulling image "<script>alert(1)</script>"', hint: 'Check the image & tag', docs: '', domain: 'pods', resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'media', name: 'x' } };
export const latest = buildReport({ command: 'health', version: '0', findings: [finding], details: { domains: { pods: { status: 'critical', checked: 4, critical: 1, warnings: 0, info: 0 }, argocd: { status: 'not-installed', checked: 0, critical: 0, warnings: 0, info: 0 } }, source: { type: 'cluster', location: 'homelab' } }, itemCount: 4, unhealthyItems: 1 });
