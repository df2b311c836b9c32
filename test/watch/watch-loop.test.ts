import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/report/finding.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { watchLoop, type WatchCycle } from '../../src/watch/watch-loop.js';

const finding = (rule: string): Finding => ({ rule, severity: 'critical', message: rule, hint: '', docs: '' });
const report = (...rules: string[]): Report => buildReport({ command: 'health', version: '0', findings: rules.map(finding), details: {}, itemCount: 1, unhealthyItems: 0 });

class Unreachable extends Error {}
const isExpected = (error: unknown) => (error instanceof Unreachable ? error.message : undefined);

/** A watch over readings given in turn (an Error is a failed reading), with no pause between them. */
async function watch(readings: (Report | Error)[], options: { cycles?: number; abortAfter?: number } = {}): Promise<{ cycles: WatchCycle[]; last: Report | undefined }> {
  const cycles: WatchCycle[] = [];
  const controller = new AbortController();
  let n = 0;
  const last = await watchLoop({
    judge: async () => {
      const reading = readings[n++]!;
      if (reading instanceof Error) throw reading;
      return reading;
    },
    intervalMs: 0,
    cycles: options.cycles ?? readings.length,
    signal: controller.signal,
    isExpected,
    onCycle: (cycle) => {
      cycles.push(cycle);
      if (cycles.length === options.abortAfter) controller.abort();
    },
  });
  return { cycles, last };
}

describe('watchLoop', () => {
  it('each reading is compared with the one before', async () => {
    const { cycles, last } = await watch([report('a'), report('a', 'b'), report('b')]);
    expect(cycles.map((cycle) => ('changes' in cycle ? [cycle.changes.added.map((f) => f.rule), cycle.changes.resolved.map((f) => f.rule)] : cycle.error))).toEqual([
      [['a'], []],
      [['b'], []],
      [[], ['a']],
    ]);
    expect(last?.findings.map((f) => f.rule)).toEqual(['b']);
  });

  it('a failed reading is reported and retried; the next is compared with the last good one', async () => {
    const { cycles, last } = await watch([report('a'), new Unreachable('cluster unreachable'), report('a')]);
    expect(cycles[1]).toMatchObject({ error: 'cluster unreachable', previous: { findings: [{ rule: 'a' }] } });
    expect(cycles[2]).toMatchObject({ changes: { added: [], resolved: [] } });
    expect(last?.findings).toHaveLength(1);
  });

  it('a first reading that fails ends the watch with its error, as does a bug at any reading', async () => {
    await expect(watch([new Unreachable('no cluster')])).rejects.toThrow('no cluster');
    await expect(watch([report('a'), new TypeError('bug')])).rejects.toThrow('bug');
  });

  it('stops when aborted, after the reading under way', async () => {
    const { cycles } = await watch([report('a'), report('a'), report('a')], { abortAfter: 1 });
    expect(cycles).toHaveLength(1);
  });
});
