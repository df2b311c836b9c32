import type { ClusterState, LiveObject, ReadOutcome } from '../cluster/cluster-state.js';
import { ETCD_METRICS, HEALTH_DOMAINS, RESOURCE_TYPES, resourceType, type HealthDomain } from '../cluster/resources.js';
import type { ResolvedConfig } from '../config/config.js';
import type { Finding, ResourceRef, Severity } from '../report/finding.js';
import { buildReport, statusOf, type Report, type Status } from '../report/report.js';
import { HEALTH_RULES, READ_SKIPPED } from '../rules/health-index.js';
import type { HealthContext, HealthProblem, HealthRule } from '../rules/health-rule.js';
import { docsPath } from '../rules/rule.js';

export interface HealthRunOptions {
  config: ResolvedConfig;
  domains: readonly HealthDomain[];
  version: string;
  /** Where the state came from, for the report: a cluster context or a snapshot directory. */
  source: { type: 'cluster' | 'snapshot'; location: string };
  /** API requests made to read the state (live runs only). */
  requests?: number;
  /** The checks to run (default: all); the rule tester runs one. */
  rules?: readonly HealthRule[];
}

/** Per-domain outcome in `details.domains`. */
export interface DomainSummary {
  status: Status | 'not-installed';
  /** Objects of the domain's kinds that were looked at. */
  checked: number;
  critical: number;
  warnings: number;
  info: number;
}

/** API groups whose absence means "not installed", not "broken". */
const TOOLS: Partial<Record<HealthDomain, string[]>> = {
  flux: ['kustomize.toolkit.fluxcd.io', 'helm.toolkit.fluxcd.io', 'source.toolkit.fluxcd.io'],
  argocd: ['argoproj.io'],
  certificates: ['cert-manager.io'],
  secrets: ['external-secrets.io'],
  backups: ['velero.io'],
};

/** `hctl health`: every enabled check of the chosen domains over one read of the cluster. */
export function checkCluster(state: ClusterState, options: HealthRunOptions): Report {
  const now = new Date(state.takenAt);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const domain of options.domains) {
    const rules = (options.rules ?? HEALTH_RULES).filter((rule) => rule.meta.domain === domain && rule.check && options.config.rules.get(rule.meta.id)?.enabled !== false);
    for (const rule of rules) {
      for (const kind of rule.reads ?? []) {
        const outcome = state.reads.get(kind);
        if (reported.has(kind) || !outcome || (outcome.state !== 'forbidden' && outcome.state !== 'failed')) continue;
        reported.add(kind);
        findings.push(readSkipped(kind, outcome, domain, options.config));
      }
      runRule(rule, domain, state, now, options.config, findings);
    }
  }
  findings.sort(compareHealthFindings);

  const domains: Record<string, DomainSummary> = {};
  let checked = 0;
  for (const domain of options.domains) {
    const count = RESOURCE_TYPES.filter((type) => type.domain === domain).reduce((sum, type) => sum + (state.objects.get(type.kind)?.length ?? 0), 0)
      + (domain === 'etcd' && state.reads.get(ETCD_METRICS)?.state === 'read' ? 1 : 0);
    checked += count;
    const own = findings.filter((finding) => finding.domain === domain);
    const installed = !TOOLS[domain] || TOOLS[domain]!.some((group) => state.apiGroups[group]);
    domains[domain] = {
      status: !installed && own.length === 0 ? 'not-installed' : statusOf(own),
      checked: count,
      critical: own.filter((finding) => finding.severity === 'critical').length,
      warnings: own.filter((finding) => finding.severity === 'warning').length,
      info: own.filter((finding) => finding.severity === 'info').length,
    };
  }
  const unhealthy = new Set(findings.filter((finding) => finding.severity !== 'info' && finding.resource?.name).map(key));
  return buildReport({
    command: 'health',
    version: options.version,
    findings,
    details: {
      ...whereFrom(state, options.source),
      domains,
      reads: Object.fromEntries([...state.reads].sort(([a], [b]) => a.localeCompare(b)).map(([kind, outcome]) => [kind, describeOutcome(outcome)])),
      ...(options.requests !== undefined ? { requests: options.requests } : {}),
    },
    itemCount: checked,
    unhealthyItems: unhealthy.size,
    now,
  });
}

/** Where a cluster report's state came from: `details.source`, the context and server, the version, when it was read. */
export function whereFrom(state: ClusterState, source: HealthRunOptions['source']): Record<string, unknown> {
  return {
    source,
    ...(state.context ? { context: state.context } : {}),
    ...(state.server ? { server: state.server } : {}),
    ...(state.serverVersion ? { serverVersion: state.serverVersion } : {}),
    takenAt: state.takenAt,
  };
}

function runRule(rule: HealthRule, domain: HealthDomain, state: ClusterState, now: Date, config: ResolvedConfig, findings: Finding[]): void {
  const settings = config.rules.get(rule.meta.id);
  const context: HealthContext = {
    cluster: state,
    now,
    list: (kind) => state.objects.get(kind) ?? [],
    options: settings?.options ?? rule.meta.options ?? {},
    knownIssues: config.knownIssues,
    report: (problem) => findings.push(toFinding(rule, domain, problem, settings?.severity)),
  };
  try {
    rule.check!(context);
  } catch (error) {
    // One broken check must not cost the user the whole verdict.
    context.report({
      message: `check failed on this cluster (${(error as Error)?.message ?? String(error)}); this is a bug in hctl, please report it`,
      hint: `Turn it off in .hctl.yaml (rules: { ${rule.meta.id}: off }) until it is fixed.`,
      severity: 'warning',
    });
  }
}

function toFinding(rule: HealthRule, domain: HealthDomain, problem: HealthProblem, configured: Severity | undefined): Finding {
  const severity = configured !== undefined && configured !== rule.meta.severity ? configured : (problem.severity ?? rule.meta.severity);
  const finding: Finding = { rule: rule.meta.id, severity, message: problem.message, hint: problem.hint, docs: docsPath(rule.meta.id), domain };
  const resource = problem.resource ?? (problem.object ? resourceOf(problem.object) : undefined);
  if (resource) finding.resource = resource;
  return finding;
}

export function resourceOf(object: LiveObject): ResourceRef {
  const ref: ResourceRef = { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name };
  if (object.metadata.namespace) ref.namespace = object.metadata.namespace;
  return ref;
}

function readSkipped(kind: string, outcome: ReadOutcome & { message: string }, domain: HealthDomain, config: ResolvedConfig): Finding {
  const type = resourceType(kind);
  const settings = config.rules.get(READ_SKIPPED.meta.id);
  const what = type ? `${type.plural}${type.group ? `.${type.group}` : ''}` : kind;
  return {
    rule: READ_SKIPPED.meta.id,
    severity: settings?.severity ?? READ_SKIPPED.meta.severity,
    message: `skipped: ${outcome.state} — ${outcome.message}; the ${domain} checks that need ${what} did not run`,
    hint: outcome.state === 'forbidden'
      ? `Grant list on ${what} to this user (kubectl auth can-i list ${what} -A), or leave the domain out with --skip ${domain}.`
      : 'Run again; if it keeps failing, check the API server and this resource (kubectl get ' + what + ' -A).',
    docs: docsPath(READ_SKIPPED.meta.id),
    domain,
    resource: { apiVersion: type ? (type.group ? `${type.group}/${type.versions[0]}` : 'v1') : 'v1', kind },
  };
}

function describeOutcome(outcome: ReadOutcome): string {
  return outcome.state === 'read' ? `read ${outcome.count}` : `${outcome.state}: ${outcome.message}`;
}

/** Health reports list findings by domain, then severity, then object. */
export function compareHealthFindings(a: Finding, b: Finding): number {
  return domainRank(a) - domainRank(b) || severityOrder(a.severity) - severityOrder(b.severity) || key(a).localeCompare(key(b));
}

function domainRank(finding: Finding): number {
  return HEALTH_DOMAINS.indexOf(finding.domain as HealthDomain);
}

function severityOrder(severity: Severity): number {
  return severity === 'critical' ? 0 : severity === 'warning' ? 1 : 2;
}

function key(finding: Finding): string {
  const r = finding.resource;
  return r ? `${r.kind}/${r.namespace ?? ''}/${r.name ?? ''}` : finding.message;
}
