import { distance } from 'fastest-levenshtein';

/** The candidate a typo most likely meant ("did you mean"), or undefined when none is close. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A typo keeps the start of the word (matchLoads → matchLabels) or changes very little (remoteKey → remoteRef).
  const samePrefix = best.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase();
  return bestDistance <= 2 || (samePrefix && bestDistance / Math.max(name.length, best.length) <= 0.4) ? best : undefined;
}
