#!/usr/bin/env node
// Throughput of `hctl check` over all shared corpora together, next to a parse-only floor, in one
// run. Each measurement is a fresh process: `check (cold)` starts with no cache at all; `check
// (warm)` has the validators and the check results of earlier runs, as a user's re-run does;
// `check (new repo)` has the compiled validators but no results, as a first check of a repository
// on a machine where hctl ran before. Medians reported.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpora = path.resolve(here, '../../shared/corpora');
if (!existsSync(corpora)) {
  console.error(`no corpora at ${corpora}; the benchmark needs ../shared/corpora beside the project`);
  process.exit(3);
}
const dirs = readdirSync(corpora, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => path.join(corpora, entry.name));
const rounds = Number(process.env.ROUNDS ?? 5);

// The machine's own hctl config (~/.config/hctl, from `hctl init`) stays out: every run reads the same files.
const noUserConfig = mkdtempSync(path.join(tmpdir(), 'hctl-bench-config-'));
const measure = (mode, cacheDir) =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(here, 'measure.mjs'), mode, ...dirs], { encoding: 'utf8', env: { ...process.env, HCTL_CACHE_DIR: cacheDir, XDG_CONFIG_HOME: noUserConfig } }),
  );
const runs = { parse: [], 'check (cold)': [], 'check (warm)': [], 'check (new repo)': [] };
for (let round = 0; round < rounds; round++) {
  const cache = mkdtempSync(path.join(tmpdir(), 'hctl-bench-cache-'));
  runs.parse.push(measure('parse', cache));
  runs['check (cold)'].push(measure('check', cache));
  const forgetResults = () => rmSync(path.join(cache, 'checks'), { recursive: true, force: true });
  forgetResults();
  measure('check', cache); // loads every validator from disk once, which completes their V8 code caches
  forgetResults();
  runs['check (new repo)'].push(measure('check', cache));
  runs['check (warm)'].push(measure('check', cache));
  rmSync(cache, { recursive: true, force: true });
}
rmSync(noUserConfig, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  Object.entries(runs).map(([mode, list]) => {
    const ms = median(list.map((run) => run.ms));
    return [mode, { documents: list[0].documents, ms, docsPerSecond: (list[0].documents / ms) * 1000, peakRssMb: Math.max(...list.map((run) => run.peakRssMb)) }];
  }),
);
console.log(`${dirs.length} corpora, ${rounds} rounds, node ${process.version}`);
for (const [mode, s] of Object.entries(summary)) {
  console.log(`${mode.padEnd(16)} ${String(s.documents).padStart(6)} documents  ${s.ms.toFixed(0).padStart(6)} ms  ${s.docsPerSecond.toFixed(0).padStart(6)} docs/s  peak ${s.peakRssMb.toFixed(0)} MB`);
}
const ratio = (mode) => (summary[mode].ms / summary.parse.ms).toFixed(2);
console.log(`time ratio to parse-only: cold ${ratio('check (cold)')}, new repo ${ratio('check (new repo)')}, warm ${ratio('check (warm)')}`);
