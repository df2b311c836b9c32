#!/usr/bin/env node
// Bundles the CLI into one module, dist/bundle/hctl.js, which bin/hctl runs (`npm run build` does
// it after tsc). Node's ESM loader opens, reads and links each module on its own: hctl's ~230
// modules and the small packages it imports at start (commander, js-yaml, ignore…) cost ~200 ms
// at every start, the bundle ~35 ms. Large packages stay in node_modules and load on first use:
// the cluster client and the prompt library (dynamic imports, external here), ajv, yaml, CEL…
// (src/lazy-packages.ts, whose require() esbuild leaves alone). The bundle sits two directories
// below the project, as every compiled module does, so `new URL('../../…', import.meta.url)` finds
// schemas/ and package.json from either. The licences of the packages bundled go beside it.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(project, 'dist/bundle');
const { metafile } = await build({
  entryPoints: [path.join(project, 'src/cli/main.ts')],
  outfile: path.join(outdir, 'hctl.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@kubernetes/client-node', '@inquirer/prompts'],
  // Bundled CommonJS packages require Node's own modules; an ES module has no `require` of its own.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});

const packageDirs = new Set(
  Object.keys(metafile.inputs)
    .map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
    .filter((dir) => dir !== undefined),
);
const notices = [...packageDirs].sort().map((dir) => {
  const absolute = path.join(project, dir);
  const { name, version, license } = JSON.parse(readFileSync(path.join(absolute, 'package.json'), 'utf8'));
  const file = readdirSync(absolute).find((entry) => /^licen[cs]e/i.test(entry));
  const text = file && existsSync(path.join(absolute, file)) ? readFileSync(path.join(absolute, file), 'utf8').trim() : `${license} (no licence file in the package)`;
  return `${name}@${version} (${license})\n\n${text}\n`;
});
writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.txt'), `Packages bundled into hctl.js, and their licences.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
