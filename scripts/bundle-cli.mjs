#!/usr/bin/env node
// Bundles the CLI into one module, dist/bundle/hctl.js, which bin/hctl runs (`npm run build` does
// it after tsc). Node's ESM loader opens, reads and links each module on its own: hctl's ~230
// modules cost ~150 ms at every start, one bundle ~25 ms. Packages stay external (loaded from
// node_modules as before, the large ones on first use: src/lazy-packages.ts). The bundle sits two
// directories below the project, as every compiled module does, so `new URL('../../…',
// import.meta.url)` finds schemas/ and package.json from either.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(project, 'src/cli/main.ts')],
  outfile: path.join(project, 'dist/bundle/hctl.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
