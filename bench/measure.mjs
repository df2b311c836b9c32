// One measurement in a fresh process: `check` runs hctl's whole check on each directory;
// `parse` is the floor — walk and read the same files, parse YAML with the `yaml` package's full
// documents (what the figures use) and JSON with JSON.parse, nothing else.
// Prints one JSON line: documents, milliseconds, peak RSS.
import { readFile } from 'node:fs/promises';
import { parseAllDocuments } from 'yaml';
import { defaultConfig } from '../dist/config/config.js';
import { checkRepo } from '../dist/engine/check-repo.js';
import { useValidatorCache } from '../dist/schema/validator.js';
import { useCheckCache } from '../dist/cache/check-cache.js';
import { walkRepo } from '../dist/repo/walk.js';

const [mode, ...dirs] = process.argv.slice(2);
useValidatorCache(true);
useCheckCache(true);
const started = performance.now();
let documents = 0;
for (const dir of dirs) {
  if (mode === 'check') {
    const report = await checkRepo({ target: dir, config: defaultConfig(), version: 'bench' });
    documents += report.details.inventory.documents + report.details.inventory.kustomizations;
  } else {
    const { files } = walkRepo(dir);
    const texts = await Promise.all(files.map((file) => readFile(file.absolute, 'utf8')));
    for (const [index, text] of texts.entries()) {
      if (files[index].file.endsWith('.json')) {
        try {
          if ('kind' in (JSON.parse(text) ?? {})) documents++;
        } catch {
          // not JSON: not a manifest either
        }
        continue;
      }
      for (const document of parseAllDocuments(text, { logLevel: 'silent' })) {
        const value = document.toJS?.({ maxAliasCount: -1 });
        if (value && typeof value === 'object' && 'kind' in value) documents++;
      }
    }
  }
}
const ms = performance.now() - started;
console.log(JSON.stringify({ mode, documents, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
