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

/** Go's time.ParseDuration (`1h30m`, `500ms`, as Flux intervals and Kyverno write them), in seconds; undefined for anything else. */
export function parseGoDuration(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^[+-]?(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(value)) return undefined;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let seconds = 0;
  for (const [, amount, , unit] of value.matchAll(/(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) seconds += Number(amount) * units[unit!]!;
  return value.startsWith('-') ? -seconds : seconds;
}
