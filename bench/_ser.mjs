import { serialize, deserialize } from 'node:v8';
import { walkRepo } from '../dist/repo/walk.js';
import { readManifest } from '../dist/repo/read.js';
import { fastPathValues } from '../dist/repo/parse.js';
const bufs = [], jsons = [];
for (const dir of process.argv.slice(2)) {
  for (const entry of walkRepo(dir).files) {
    const read = readManifest(entry.absolute); if ('skipped' in read) continue;
    const v = fastPathValues(entry.file, read.text); if (!v) continue;
    bufs.push(serialize(v)); jsons.push(JSON.stringify(v));
  }
}
for (let r = 0; r < 3; r++) {
  let s = performance.now(); for (const b of bufs) deserialize(b); const d = performance.now() - s;
  s = performance.now(); for (const j of jsons) JSON.parse(j); const j = performance.now() - s;
  console.log('deserialize', d.toFixed(0), 'JSON.parse', j.toFixed(0), 'bytes', bufs.reduce((a, b) => a + b.length, 0), jsons.reduce((a, b) => a + b.length, 0));
}
