import type { ClusterState, LiveObject } from '../cluster/cluster-state.js';
import type { HealthDomain } from '../cluster/resources.js';
import type { KnownIssue } from '../config/config.js';
import type { ResourceRef, Severity } from '../report/finding.js';
import type { RuleMeta } from './rule.js';

export interface HealthRuleMeta extends Omit<RuleMeta, 'domain'> {
  /** `cluster` for what the engine itself raises about reading the cluster. */
  domain: HealthDomain | 'cluster';
}

export interface HealthProblem {
  message: string;
  hint: string;
  /** The object the problem is about. */
  object?: LiveObject;
  /** For problems about something that is not one listed object (a CRD, a kind that was not read). */
  resource?: ResourceRef;
  severity?: Severity;
}

/** What a health check sees: the objects read from the cluster (or a snapshot), never HTTP. */
export interface HealthContext {
  cluster: ClusterState;
  /** When the cluster was read: every age is measured from here, so a snapshot replays exactly. */
  now: Date;
  /** The objects of one kind; empty when the kind was not read (the engine reports why). */
  list(kind: string): readonly LiveObject[];
  options: Readonly<Record<string, string | number | boolean>>;
  /** Argo CD conditions the team has accepted for a while (`.hctl.yaml` health.knownIssues). */
  knownIssues: readonly KnownIssue[];
  report(problem: HealthProblem): void;
}

export interface HealthRule {
  meta: HealthRuleMeta;
  /** Kinds (or sources like etcd-metrics) the check needs; one that could not be read is reported once by the engine. */
  reads?: readonly string[];
  /** Absent for what the engine raises itself (read-skipped). */
  check?(context: HealthContext): void;
}
