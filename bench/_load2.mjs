import { createHash } from 'node:crypto';
import { deserialize } from 'node:v8';
import { readFileSync } from 'node:fs';
import { walkRepo } from '../dist/repo/walk.js';
import { readManifest } from '../dist/repo/read.js';
const t = {}; const add = (k, ms) => t[k] = (t[k] ?? 0) + ms;
const packs = process.argv[2];
for (const f of readdirSyncRec(packs)) {
  let s = performance.now(); const pack = deserialize(readFileSync(f)); add('pack', performance.now() - s);
  s = performance.now(); for (const b of pack.parsed.values()) if (b) deserialize(b); add('values', performance.now() - s);
}
for (const dir of process.argv.slice(3)) {
  for (const entry of walkRepo(dir).files) {
    const read = readManifest(entry.absolute); if ('skipped' in read) continue;
    const s = performance.now(); createHash('sha1').update(`${entry.file}\0${read.text}`).digest('base64'); add('sha1', performance.now() - s);
  }
}
console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
import { readdirSync, statSync } from 'node:fs';
function readdirSyncRec(d) { return readdirSync(d, { recursive: true }).map(x => d + '/' + x).filter(x => statSync(x).isFile()); }
