import { headline, type Finding } from './finding.js';

/** Bumped on any change to the report's shape; fields are only ever added within a major. */
export const REPORT_SCHEMA_VERSION = '1.1';

export type Status = 'healthy' | 'warning' | 'critical' | 'error';

/** What `hctl check` read, as ARCHITECTURE.md defines it. */
export interface Inventory {
  /** YAML files and Kubernetes JSON files read. */
  files: number;
  /** Kubernetes objects (apiVersion + kind), not counting kustomize's own kustomization files. */
  documents: number;
  /** Documents checked against a schema. */
  validated: number;
  /** Documents that could not be checked, each also a finding. */
  unverified: number;
  /** `apiVersion/Kind` of unverified custom resources → how many: the CRDs to commit or pass with --schema-dir (removed Kubernetes versions are deprecated-api's). */
  unverifiedKinds: Record<string, number>;
  /** Files skipped as templates (Helm/Go/Jinja actions, `<placeholder>` names), each also a finding. */
  templated: number;
  /** kustomization.yaml files (kustomize.config.k8s.io), with or without apiVersion/kind. */
  kustomizations: number;
  /** Documents encrypted with SOPS. */
  sopsEncrypted: number;
  /** Files that could not be read (binary, not UTF-8, too large, symlink loop), each also a finding. */
  skipped: number;
  /** YAML documents that are not Kubernetes objects (Helm values, CI config…). */
  otherDocuments: number;
  /** Empty YAML documents (a stray `---`), skipped. */
  emptyDocuments: number;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'hctl'; version: string };
  command: string;
  status: Status;
  timestamp: string;
  summary: { total: number; healthy: number; warnings: number; critical: number; info: number };
  details: Record<string, unknown>;
  issues: string[];
  findings: Finding[];
}

export const EXIT_CODES: Record<Status, number> = { healthy: 0, warning: 1, critical: 2, error: 3 };

export function statusOf(findings: readonly Finding[]): Status {
  if (findings.some((finding) => finding.severity === 'critical')) return 'critical';
  if (findings.some((finding) => finding.severity === 'warning')) return 'warning';
  return 'healthy';
}

export function formatIssue(finding: Finding): string {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}: ` : '';
  return `${where}${finding.severity}: ${headline(finding)} [${finding.rule}]`;
}

/**
 * Builds the report. `total` counts the checked items (documents, plus files whose problems belong
 * to no document); `healthy` those without a warning or critical finding.
 */
export function buildReport(input: {
  command: string;
  version: string;
  findings: Finding[];
  details: Record<string, unknown>;
  itemCount: number;
  unhealthyItems: number;
  now?: Date;
}): Report {
  const count = (severity: Finding['severity']) => input.findings.filter((finding) => finding.severity === severity).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'hctl', version: input.version },
    command: input.command,
    status: statusOf(input.findings),
    timestamp: (input.now ?? new Date()).toISOString(),
    summary: {
      total: input.itemCount,
      healthy: Math.max(0, input.itemCount - input.unhealthyItems),
      warnings: count('warning'),
      critical: count('critical'),
      info: count('info'),
    },
    details: input.details,
    issues: input.findings.filter((finding) => finding.severity !== 'info').map(formatIssue),
    findings: input.findings,
  };
}

/** The report for a run that could not happen (exit 3), so JSON consumers still get JSON. */
export function errorReport(command: string, version: string, message: string, now = new Date()): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'hctl', version },
    command,
    status: 'error',
    timestamp: now.toISOString(),
    summary: { total: 0, healthy: 0, warnings: 0, critical: 0, info: 0 },
    details: { error: message },
    issues: [message],
    findings: [],
  };
}
