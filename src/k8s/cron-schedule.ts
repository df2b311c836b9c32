import { cronParser } from '../lazy-packages.js';

/** `@every 6h30m` → milliseconds (Velero accepts Go durations there). */
function everyMs(expression: string): number | undefined {
  const match = /^@every\s+((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(expression.trim());
  if (!match) return undefined;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, n, unit] of match[1]!.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) total += Number(n) * units[unit!]!;
  return total;
}

/**
 * The last `count` times a schedule fired before `now`, newest first (UTC, as Velero and
 * CronJobs without timeZone run). Undefined when the expression cannot be read.
 */
export function previousRuns(expression: string, now: Date, count: number): Date[] | undefined {
  const every = everyMs(expression);
  if (every !== undefined) {
    if (every <= 0) return undefined;
    return Array.from({ length: count }, (_, index) => new Date(now.getTime() - every * (index + 1)));
  }
  try {
    const cron = cronParser().CronExpressionParser.parse(expression.replace(/^CRON_TZ=\S+\s+|^TZ=\S+\s+/, ''), { currentDate: now, tz: 'UTC' });
    return Array.from({ length: count }, () => cron.prev().toDate());
  } catch {
    return undefined;
  }
}
