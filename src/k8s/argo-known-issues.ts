import type { LiveObject } from '../cluster/cluster-state.js';
import type { KnownIssue } from '../config/config.js';
import type { HealthProblem } from '../rules/health-rule.js';

/**
 * Applies `.hctl.yaml` health.knownIssues to an Argo CD finding: an accepted condition stays
 * visible as info (with its reason), an expired acceptance is reported at full severity and says so.
 */
export function withKnownIssues(problem: HealthProblem & { object: LiveObject }, condition: string, issues: readonly KnownIssue[], now: Date): HealthProblem {
  const app = problem.object;
  const issue = issues.find(
    (candidate) =>
      candidate.condition.toLowerCase() === condition.toLowerCase() &&
      (candidate.app === app.metadata.name || candidate.app === `${app.metadata.namespace}/${app.metadata.name}`),
  );
  if (!issue) return problem;
  const today = now.toISOString().slice(0, 10);
  if (issue.until && issue.until < today) {
    return { ...problem, message: `${problem.message} (known issue "${issue.reason}" expired on ${issue.until})` };
  }
  return { ...problem, severity: 'info', message: `${problem.message} — known issue: ${issue.reason}${issue.until ? ` (until ${issue.until})` : ''}` };
}
