#!/usr/bin/env node
// Parity of `hctl render` with `kubectl kustomize` on every kustomization directory of the shared
// corpora that kubectl can build: the two builds must hold the same objects (compared as sets).
// Needs kubectl on PATH (only here: hctl itself never calls it) and a build (npm ci does it).
// Usage: node bench/render-parity.mjs [--verbose] [--min PERCENT]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseFile } from '../dist/repo/parse.js';
import { renderDirectory } from '../dist/render/render.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpora = path.resolve(here, '../../shared/corpora');
if (!existsSync(corpora)) {
  console.error(`no corpora at ${corpora}`);
  process.exit(3);
}
const KUSTOMIZATIONS = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const verbose = process.argv.includes('--verbose');
let built = 0;
let same = 0;
let hctlMs = 0;
let documents = 0;
const failures = new Map();
for (const corpus of readdirSync(corpora, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
  const root = path.join(corpora, corpus.name);
  const dirs = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && KUSTOMIZATIONS.has(entry.name))
    .map((entry) => path.relative(root, entry.parentPath).split(path.sep).join('/') || '.');
  for (const dir of [...new Set(dirs)].sort()) {
    let expected;
    try {
      expected = execFileSync('kubectl', ['kustomize', path.join(root, dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 });
    } catch {
      continue; // kubectl cannot build it either (helm charts, remote bases): not counted
    }
    built++;
    const started = performance.now();
    const result = renderDirectory(root, dir, { fallback: false });
    hctlMs += performance.now() - started;
    const want = keyed(parseFile('kubectl.yaml', expected).objects.map((object) => JSON.parse(JSON.stringify(object.body))));
    if (result.error) {
      note(result.error.unsupported ? `unsupported: ${result.error.message.replace(/ .*/, '')}` : 'error', `${corpus.name}/${dir}: ${result.error.message}`);
      continue;
    }
    documents += result.objects.length;
    const got = keyed(result.objects.map((object) => JSON.parse(JSON.stringify(object.body))));
    const missing = [...want.keys()].filter((key) => !got.has(key));
    const extra = [...got.keys()].filter((key) => !want.has(key));
    const different = [...want.keys()].filter((key) => got.has(key) && !isDeepStrictEqual(got.get(key), want.get(key)));
    if (missing.length + extra.length + different.length === 0) same++;
    else note(missing.length || extra.length ? 'different objects' : 'different content', `${corpus.name}/${dir}: missing ${missing.slice(0, 2)} extra ${extra.slice(0, 2)} different ${different.slice(0, 2)}`);
  }
}
console.log(`kustomization directories kubectl can build: ${built}; hctl renders ${same} identically (${((100 * same) / built).toFixed(1)}%)`);
console.log(`hctl render: ${documents} documents in ${hctlMs.toFixed(0)} ms (${((documents / hctlMs) * 1000).toFixed(0)} documents/s, rendering only)`);
for (const [reason, examples] of failures) {
  console.log(`  ${examples.length} ${reason}`);
  for (const example of examples.slice(0, verbose ? 50 : 3)) console.log(`      ${example}`);
}
// --min N: fail (exit 1) below N percent, so CI keeps the parity it has.
const minimum = process.argv.includes('--min') ? Number(process.argv[process.argv.indexOf('--min') + 1]) : 0;
if ((100 * same) / built < minimum) {
  console.error(`parity ${((100 * same) / built).toFixed(1)}% is below ${minimum}%`);
  process.exit(1);
}

function note(reason, example) {
  failures.set(reason, [...(failures.get(reason) ?? []), example]);
}

function keyed(bodies) {
  return new Map(bodies.map((body) => [`${body.apiVersion} ${body.kind} ${body.metadata?.namespace ?? ''}/${body.metadata?.name ?? ''}`, body]));
}
