/** `3d4h`, `2h14m`, `5m`, `40s`: the two largest units, as kubectl shows ages. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const units: [string, number][] = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = seconds;
  for (const [label, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${n}${label}`);
    if (parts.length === 2) break;
  }
  return parts.filter((part) => !/^0/.test(part)).join('') || '0s';
}

/** Milliseconds from an RFC 3339 time to `now`; undefined when the time is absent or not a time. */
export function ageOf(time: unknown, now: Date): number | undefined {
  if (typeof time !== 'string') return undefined;
  const at = Date.parse(time);
  return Number.isNaN(at) ? undefined : now.getTime() - at;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
