import jsYaml from 'js-yaml';
import type { ClusterState, LiveObject, VolumeStats } from '../src/cluster/cluster-state.js';
import { RESOURCE_TYPES } from '../src/cluster/resources.js';
import { defaultConfig, type KnownIssue, type RawConfig } from '../src/config/config.js';
import { checkCluster } from '../src/engine/check-cluster.js';
import type { Finding } from '../src/report/finding.js';
import type { HealthRule } from '../src/rules/health-rule.js';

/** What a health case describes: objects in the cluster (YAML, several documents) and a few facts. */
export interface HealthCase {
  /** Objects as YAML documents; a document with `hctlSnapshot:` sets the facts below instead. */
  yaml?: string;
  objects?: LiveObject[];
  takenAt?: string;
  serverVersion?: string;
  apiGroups?: Record<string, string[]>;
  etcdMetrics?: string;
  volumeStats?: VolumeStats[];
  rules?: NonNullable<RawConfig['rules']>;
  knownIssues?: KnownIssue[];
  /** Kinds whose API group the cluster does not serve (a tool that is not installed). */
  notInstalled?: string[];
}

/** When every test cluster was read, unless a case says otherwise. */
export const TEST_NOW = '2026-11-23T12:00:00Z';

/** Every group hctl reads, at the first version it understands: a cluster with everything installed. */
const ALL_GROUPS = Object.fromEntries(RESOURCE_TYPES.filter((type) => type.group).map((type) => [type.group, [type.versions[0]!]]));

export function clusterOf(input: HealthCase, reads: readonly string[] = []): ClusterState {
  const facts: Partial<HealthCase> = {};
  const objects: LiveObject[] = [...(input.objects ?? [])];
  for (const document of jsYaml.loadAll(input.yaml ?? '')) {
    if (!document || typeof document !== 'object') continue;
    if ('hctlSnapshot' in document) Object.assign(facts, (document as { hctlSnapshot: Partial<HealthCase> }).hctlSnapshot);
    else objects.push(document as LiveObject);
  }
  const merged = { ...facts, ...input };
  const byKind = new Map<string, LiveObject[]>();
  for (const object of objects) byKind.set(object.kind, [...(byKind.get(object.kind) ?? []), object]);
  const state: ClusterState = {
    takenAt: merged.takenAt ?? TEST_NOW,
    serverVersion: merged.serverVersion ?? 'v1.32.3',
    apiGroups: { '': ['v1'], ...(merged.apiGroups ?? ALL_GROUPS) },
    objects: byKind,
    reads: new Map([...new Set([...reads, ...byKind.keys()])].map((kind) => [kind, { state: 'read', count: byKind.get(kind)?.length ?? 0 }])),
  };
  for (const kind of merged.notInstalled ?? []) state.reads.set(kind, { state: 'not-installed', message: `the cluster does not serve ${kind}` });
  if (merged.etcdMetrics !== undefined) state.etcdMetrics = merged.etcdMetrics;
  if (merged.volumeStats) state.volumeStats = merged.volumeStats;
  return state;
}

/** Runs one health check over a described cluster, as `hctl health` would, and returns its findings. */
export function runHealthRule(rule: HealthRule, input: HealthCase): Finding[] {
  const config = defaultConfig('default', input.rules ?? {});
  config.knownIssues = input.knownIssues ?? [];
  const state = clusterOf(input, rule.reads ?? []);
  const domain = rule.meta.domain === 'cluster' ? [] : [rule.meta.domain];
  const report = checkCluster(state, { config, domains: domain, version: 'test', source: { type: 'snapshot', location: 'test' }, rules: [rule] });
  return report.findings.filter((finding) => finding.rule === rule.meta.id);
}
