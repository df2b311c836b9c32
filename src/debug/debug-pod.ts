import type { ClusterState, LiveObject } from '../cluster/cluster-state.js';
import { HEALTH_DOMAINS } from '../cluster/resources.js';
import type { ResolvedConfig } from '../config/config.js';
import { checkCluster, compareHealthFindings, resourceOf, whereFrom, type HealthRunOptions } from '../engine/check-cluster.js';
import type { Finding } from '../report/finding.js';
import { buildReport, type Report } from '../report/report.js';
import { HEALTH_RULES } from '../rules/health-index.js';
import podReferenceMissing, { describeMissing, hintFor } from '../rules/pods/pod-reference-missing.js';
import { docsPath } from '../rules/rule.js';
import { podDossier, relatedObjects, type PodDossier, type Related } from './pod-dossier.js';
import type { PodEvidence } from './pod-evidence.js';
import { podReferences } from './pod-references.js';

/**
 * The health checks that judge one object at a time, and so say something true about a pod and
 * its neighbours alone. Checks that compare the whole cluster (node headroom, dependency graphs,
 * event storms, default StorageClass) are `hctl health`'s.
 */
const POD_CHECKS = new Set([
  'pod-crash-looping', 'pod-image-pull-failing', 'pod-oom-killed', 'pod-pending', 'pod-reference-missing', 'pod-restarts', 'pod-failed', 'pod-debug-leftover',
  'node-not-ready', 'node-pressure', 'node-cordoned',
  'workload-unavailable', 'workload-rollout-stuck', 'job-failed', 'cronjob-failing', 'gitops-orphaned-object',
  'flux-not-ready', 'flux-suspended', 'argocd-app-degraded', 'argocd-app-out-of-sync', 'argocd-operation-failed',
  'pvc-pending', 'pvc-usage', 'pvc-resize-stuck',
  'service-no-endpoints', 'service-port-blocked', 'external-secret-not-ready',
]);

export interface DebugPodOptions {
  config: ResolvedConfig;
  version: string;
  source: HealthRunOptions['source'];
  requests?: number;
}

/** `hctl debug pod`: the pod's dossier, and the verdict of the checks that concern it. */
export function debugPod(evidence: PodEvidence, options: DebugPodOptions): Report {
  const related = relatedObjects(evidence);
  const dossier = podDossier(evidence, related);
  const judged = checkCluster(scopedState(evidence, related), {
    config: options.config,
    domains: HEALTH_DOMAINS,
    version: options.version,
    source: options.source,
    rules: HEALTH_RULES.filter((rule) => POD_CHECKS.has(rule.meta.id)),
  });
  const findings = [...judged.findings, ...lookupFindings(evidence, dossier, judged.findings, options.config)].sort(compareHealthFindings);
  const state = evidence.state;
  return buildReport({
    command: 'debug pod',
    version: options.version,
    findings,
    details: {
      ...whereFrom(state, options.source),
      pod: dossier,
      ...(options.requests !== undefined ? { requests: options.requests } : {}),
    },
    itemCount: 1,
    unhealthyItems: findings.some((finding) => finding.severity !== 'info') ? 1 : 0,
    now: new Date(state.takenAt),
  });
}

/** The evidence cut down to the pod and its neighbours, so whole-namespace snapshots judge only them. */
function scopedState(evidence: PodEvidence, related: Related): ClusterState {
  const objects = new Map<string, LiveObject[]>();
  const add = (object: LiveObject) => objects.set(object.kind, [...(objects.get(object.kind) ?? []), object]);
  for (const object of [evidence.pod, ...related.owners, ...related.gitops, ...related.claims, ...related.services, ...related.slices, ...related.policies, ...related.ciliumPolicies, ...related.events]) add(object);
  if (related.node) add(related.node);
  const secrets = new Set(podReferences(evidence.pod).filter((reference) => reference.kind === 'Secret').map((reference) => reference.name));
  for (const external of evidence.state.objects.get('ExternalSecret') ?? []) {
    if (external.metadata.namespace === evidence.pod.metadata.namespace && secrets.has(external.spec?.target?.name ?? external.metadata.name)) add(external);
  }
  // The health checks read the claims, events and Services they are given as all there are.
  for (const kind of ['PersistentVolumeClaim', 'Event', 'Service', 'EndpointSlice', 'NetworkPolicy']) if (!objects.has(kind)) objects.set(kind, []);
  const claims = new Set(related.claims.map((claim) => claim.metadata.name));
  const volumeStats = evidence.state.volumeStats?.filter((stats) => stats.namespace === evidence.pod.metadata.namespace && claims.has(stats.claim));
  return { ...evidence.state, objects, ...(volumeStats ? { volumeStats } : {}) };
}

/**
 * What the lookups add to pod-reference-missing: a Secret or ConfigMap that is gone while the pod
 * runs (its next start fails), and a missing image pull Secret. What the kubelet already reported
 * is not reported twice.
 */
function lookupFindings(evidence: PodEvidence, dossier: PodDossier, reported: Finding[], config: ResolvedConfig): Finding[] {
  const settings = config.rules.get('pod-reference-missing');
  if (settings?.enabled === false) return [];
  const { pod } = evidence;
  const running = pod.status?.phase === 'Running' || pod.status?.phase === 'Succeeded';
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const reference of dossier.references) {
    if (reference.optional || (reference.state !== 'missing' && reference.state !== 'key missing')) continue;
    const missing = { kind: reference.kind as 'Secret' | 'ConfigMap', name: reference.name, ...(reference.state === 'key missing' && reference.key ? { key: reference.key } : {}) };
    const what = describeMissing(pod, missing);
    if (seen.has(what) || reported.some((finding) => finding.rule === 'pod-reference-missing' && finding.message.includes(what))) continue;
    seen.add(what);
    const pull = reference.usedBy === 'imagePullSecrets';
    const consequence = pull ? 'pulls from a private registry fail' : running ? 'the running containers keep what they read at start, but the next start fails' : 'the pod cannot start';
    // A severity set in .hctl.yaml wins; otherwise a reference that has not stopped the pod yet is a warning.
    const configured = settings?.severity !== undefined && settings.severity !== podReferenceMissing.meta.severity ? settings.severity : undefined;
    const severity = configured ?? (running || pull ? 'warning' : 'critical');
    findings.push({
      rule: 'pod-reference-missing',
      severity,
      message: `${what} (${reference.usedBy}): ${consequence}`,
      hint: hintFor({ list: (kind) => evidence.state.objects.get(kind) ?? [] }, pod, missing),
      docs: docsPath('pod-reference-missing'),
      domain: 'pods',
      resource: resourceOf(pod),
    });
  }
  return findings;
}
