import { defaultConfig } from '../dist/config/config.js';
import { CheckCache, useCheckCache } from '../dist/cache/check-cache.js';
import { useValidatorCache } from '../dist/schema/validator.js';
import { loadRepo } from '../dist/repo/load.js';
import { validateObjects } from '../dist/engine/validate-objects.js';
import { RULES } from '../dist/rules/index.js';
import { runRules } from '../dist/engine/run-rules.js';
import { fluxGraphOf } from '../dist/engine/flux-graph-of.js';
useValidatorCache(true); useCheckCache(process.env.NOCACHE ? false : true);
const dirs = process.argv.slice(2);
const t = {}; const add = (k, ms) => t[k] = (t[k] ?? 0) + ms;
const perRule = {};
const config = defaultConfig();
const all0 = performance.now();
for (const dir of dirs) {
  let s = performance.now();
  const cache = CheckCache.open(dir); add('open', performance.now() - s); s = performance.now();
  const repo = loadRepo(dir, cache); add('load', performance.now() - s); s = performance.now();
  const validation = validateObjects(repo.objects, [], cache); add('validate', performance.now() - s); s = performance.now();
  cache?.save(); add('save', performance.now() - s); s = performance.now();
  const flux = fluxGraphOf(dir, repo.objects); add('fluxgraph', performance.now() - s);
  s = performance.now(); runRules(repo, { config, root: dir, validation }); add('rules(all, incl graph)', performance.now() - s);
}
add('total', performance.now() - all0);
console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('  '));
console.log(Object.entries(perRule).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('\n'));
