import type { KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import { isLateValue } from '../../repo/late-value.js';
import type { ApiProblem } from './api-problem.js';

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** A CronJob as batch validation checks it on create: its name's length, schedule, time zone and job template. */
export function cronJobProblems(object: KubeObject): ApiProblem[] {
  const problems: ApiProblem[] = [];
  if (typeof object.name === 'string' && !isLateValue(object.name) && object.name.length > 52) {
    problems.push({
      path: ['metadata', 'name'],
      message: `CronJob name is ${object.name.length} characters; at most 52 are allowed (each Job it creates appends an 11-character suffix)`,
      hint: 'Shorten the name to 52 characters or fewer.',
    });
  }
  const spec = asRecord(object.body.spec) ?? {};
  const schedule = spec.schedule;
  if (typeof schedule === 'string' && !isLateValue(schedule)) {
    if (schedule.includes('TZ')) {
      problems.push({ path: ['spec', 'schedule'], message: `schedule "${schedule}" sets a time zone (TZ or CRON_TZ), which the API server refuses`, hint: 'Move the zone to spec.timeZone (Europe/Berlin) and keep five fields in schedule.' });
    } else {
      const problem = scheduleProblem(schedule);
      if (problem) problems.push({ path: ['spec', 'schedule'], message: `schedule "${schedule}" ${problem}`, hint: 'Write five fields — minute hour day-of-month month day-of-week (0 3 * * *) — or @hourly, @daily, @weekly, @monthly, @yearly, @every 6h.' });
    }
  }
  const zone = spec.timeZone;
  if (typeof zone === 'string' && !isLateValue(zone)) {
    const problem = timeZoneProblem(zone);
    if (problem) problems.push({ path: ['spec', 'timeZone'], message: `timeZone "${zone}" ${problem}`, hint: 'Use an IANA time zone name such as Etc/UTC or Europe/Berlin.' });
  }
  const jobSpec = asRecord(asRecord(spec.jobTemplate)?.spec);
  if (jobSpec?.selector !== undefined && jobSpec.selector !== null) {
    problems.push({ path: ['spec', 'jobTemplate', 'spec', 'selector'], key: true, message: 'jobTemplate.spec.selector is set; a CronJob\'s jobs always get a generated selector', hint: 'Remove the selector from the job template.' });
  }
  return problems;
}

/** robfig/cron's ParseStandard, which the API server uses: five fields or a descriptor. */
function scheduleProblem(schedule: string): string | undefined {
  const text = schedule.trim();
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return undefined;
    if (/^@every\s+([0-9.]+(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
    return 'is not a known descriptor (@hourly, @daily, @weekly, @monthly, @yearly, @every <duration>)';
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return `has ${fields.length} fields; a CronJob schedule has exactly 5 (no seconds field)`;
  for (const [index, field] of fields.entries()) {
    const problem = fieldProblem(field, CRON_FIELDS[index]!);
    if (problem) return `is refused: its ${CRON_FIELDS[index]!.name} field "${field}" ${problem}`;
  }
  return undefined;
}

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const CRON_FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // robfig/cron counts Sunday as 0 only: 7 is refused, unlike in some crontabs.
  { name: 'day-of-week', min: 0, max: 6, names: DAYS },
];

/** One field as robfig/cron reads it: lists of `*`, `?`, values and ranges, each with an optional step; no L, W, # or H. */
function fieldProblem(field: string, spec: CronField): string | undefined {
  for (const part of field.split(',').filter((item) => item !== '')) {
    const [range = '', step, ...rest] = part.split('/');
    if (rest.length > 0) return 'has too many "/"';
    if (step !== undefined && !(/^\d+$/.test(step) && Number(step) > 0)) return `has step "${step}", which is not a positive number`;
    if (range === '*' || range === '?') continue;
    const bounds = range.split('-');
    if (bounds.length > 2) return `has range "${range}" with too many "-"`;
    const values: number[] = [];
    for (const bound of bounds) {
      const value = cronValue(bound, spec);
      if (value === undefined) return `has "${bound}", which is not a number${spec.names ? ' or a name' : ''} (L, W, # and H are not supported)`;
      values.push(value);
    }
    const start = values[0]!;
    const end = values[1] ?? start;
    if (start < spec.min) return `starts below ${spec.min}`;
    if (end > spec.max) return `goes above ${spec.max}${spec.name === 'day-of-week' && end === 7 ? ' (Sunday is 0)' : ''}`;
    if (start > end) return `has a range that runs backwards (${start}-${end})`;
  }
  return undefined;
}

function cronValue(text: string, spec: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (index === -1) return undefined;
  return spec.name === 'month' ? index + 1 : index;
}

/** batch validation's time zone check: IANA name syntax, not Local, and a zone that exists. */
function timeZoneProblem(zone: string): string | undefined {
  if (zone === '') return 'is empty; leave timeZone out instead';
  if (zone.split('/').some((part) => part === '.' || part === '..' || part.startsWith('-') || !ZONE_PART.test(part))) return 'is not a time zone name';
  if (zone.toLowerCase() === 'local') return 'is Local; a CronJob needs an explicit zone';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return 'is not a known time zone';
  }
}
