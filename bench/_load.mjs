import { CheckCache, useCheckCache } from '../dist/cache/check-cache.js';
import { walkRepo } from '../dist/repo/walk.js';
import { readManifest } from '../dist/repo/read.js';
import { parseFile, fastPathValues } from '../dist/repo/parse.js';
useCheckCache(true);
const t = {}; const add = (k, ms) => t[k] = (t[k] ?? 0) + ms;
for (const dir of process.argv.slice(2)) {
  let s = performance.now();
  const cache = CheckCache.open(dir); add('open', performance.now() - s); s = performance.now();
  const walked = walkRepo(dir); add('walk', performance.now() - s);
  for (const entry of walked.files) {
    s = performance.now(); const read = readManifest(entry.absolute); add('read', performance.now() - s);
    if ('skipped' in read) continue;
    s = performance.now(); const values = cache.parsed(entry.file, read.text, () => fastPathValues(entry.file, read.text)); add('cached values', performance.now() - s);
    s = performance.now(); parseFile(entry.file, read.text, values); add('parseFile', performance.now() - s);
  }
}
console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
