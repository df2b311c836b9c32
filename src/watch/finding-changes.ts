import type { Finding } from '../report/finding.js';

/** What changed between two readings: findings that appeared, and findings that went away. */
export interface FindingChanges {
  added: Finding[];
  resolved: Finding[];
}

/**
 * A finding's identity across readings: its rule and object, and its message with the numbers
 * left out — "NotReady for 2h15m", "47 restarts", "86.0% full" change at every reading without
 * being a new problem.
 */
export function findingKey(finding: Finding): string {
  const resource = finding.resource ? `${finding.resource.kind}/${finding.resource.namespace ?? ''}/${finding.resource.name ?? ''}` : '';
  return `${finding.rule}\0${finding.domain ?? ''}\0${resource}\0${finding.message.replace(/\d+(\.\d+)?/g, '#')}`;
}

/** The findings of `next` that `previous` did not have, and those of `previous` that `next` no longer has (as they were last seen). */
export function findingChanges(previous: readonly Finding[], next: readonly Finding[]): FindingChanges {
  const unmatched = (from: readonly Finding[], against: readonly Finding[]): Finding[] => {
    const remaining = new Map<string, number>();
    for (const finding of against) remaining.set(findingKey(finding), (remaining.get(findingKey(finding)) ?? 0) + 1);
    return from.filter((finding) => {
      const key = findingKey(finding);
      const left = remaining.get(key) ?? 0;
      if (left === 0) return true;
      remaining.set(key, left - 1);
      return false;
    });
  };
  return { added: unmatched(next, previous), resolved: unmatched(previous, next) };
}
