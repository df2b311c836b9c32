// One measurement in a fresh process, timed from the process's start (loading the code counts, as
// it does for a user): `check` runs the bundled CLI through its loader, exactly as bin/hctl does, as
// `hctl check DIR --format json --output FILE` on each directory; `parse` is the floor — walk and
// read the same files, parse YAML with the `yaml` package's full documents (what the issue's
// figures use) and JSON with JSON.parse, nothing else. Prints one JSON line: documents,
// milliseconds, peak RSS.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [mode, ...dirs] = process.argv.slice(2);
let documents = 0;
if (mode === 'check') {
  const { loadBundledCli } = await import('../dist/cli/bundle-loader.js');
  const cli = loadBundledCli(fileURLToPath(new URL('../dist/bundle/hctl.cjs', import.meta.url)), ['node', 'hctl', 'check']);
  const out = mkdtempSync(path.join(tmpdir(), 'hctl-bench-report-'));
  for (const dir of dirs) {
    const report = path.join(out, 'report.json');
    const code = await cli.main(['node', 'hctl', 'check', dir, '--format', 'json', '--output', report]);
    if (code > 2) throw new Error(`hctl check ${dir} could not run (exit ${code})`);
    const { inventory } = JSON.parse(readFileSync(report, 'utf8')).details;
    documents += inventory.documents + inventory.kustomizations;
  }
  rmSync(out, { recursive: true, force: true });
  cli.saveCodeCache();
} else {
  const { readFile } = await import('node:fs/promises');
  const { parseAllDocuments } = await import('yaml');
  const { walkRepo } = await import('../dist/repo/walk.js');
  for (const dir of dirs) {
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
// performance.now() counts from the process's start.
const ms = performance.now();
console.log(JSON.stringify({ mode, documents, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
