#!/usr/bin/env node
// Bundles the CLI into one CommonJS file, dist/bundle/hctl.cjs, which bin/hctl runs through
// src/cli/bundle-loader.ts (`npm run build` does it after tsc). Node's ESM loader opens, reads and
// links each module on its own: hctl's ~230 modules and the small packages it imports at start
// (commander, js-yaml, ignore…) cost ~200 ms at every start, the bundle ~35 ms. CommonJS, because
// the loader compiles it with V8's code cache kept between runs, which Node 20 has no API for with
// ES modules. Large packages stay in node_modules and load on first use: the cluster client, the
// prompt library and the MCP SDK with its zod (external here), ajv, yaml, CEL… (src/lazy-packages.ts, whose require() esbuild
// leaves alone). The bundle sits two directories below the project, as every compiled module does,
// so `new URL('../../…', import.meta.url)` finds schemas/ and package.json from either. The licences
// of the packages bundled go beside it.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(project, 'dist/bundle');
const { metafile } = await build({
  entryPoints: [path.join(project, 'src/cli/main.ts')],
  outfile: path.join(outdir, 'hctl.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['@kubernetes/client-node', '@inquirer/prompts', '@modelcontextprotocol/sdk', 'zod'],
  // A script compiled from V8's code cache loses its dynamic-import callback (Node 20 to 24), so the
  // external packages load with require(), which Node 20.19+ offers for ES modules too.
  supported: { 'dynamic-import': false },
  // The sources are ES modules; in CommonJS their own URL is the bundle's.
  define: { 'import.meta.url': 'bundleUrl' },
  banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  metafile: true,
  logLevel: 'warning',
});

// Packages loaded on first use that are many modules each, as one file apiece where Node's
// resolution from the bundle looks first (dist/bundle/node_modules/NAME): resolving, reading and
// compiling yaml's ~70 modules takes 22 ms, the one file 9 ms; CEL 22 → 10 ms, cron-parser and its
// luxon 13 → 8 ms. Without them (tsc's dist/, the tests) the same require() finds node_modules.
const SINGLE_FILE_PACKAGES = ['yaml', '@marcbachmann/cel-js', 'cron-parser'];
const vendored = path.join(outdir, 'node_modules');
rmSync(vendored, { recursive: true, force: true });
const singleFileInputs = [];
for (const name of SINGLE_FILE_PACKAGES) {
  const dir = path.join(vendored, name);
  const { metafile: packageMetafile } = await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: project, loader: 'js' },
    outfile: path.join(dir, 'index.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
  });
  singleFileInputs.push(...Object.keys(packageMetafile.inputs));
  const { version, license } = JSON.parse(readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8'));
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name, version, license, main: 'index.cjs' }, null, 2)}\n`);
}

const packageDirs = new Set(
  [...Object.keys(metafile.inputs), ...singleFileInputs]
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
writeFileSync(path.join(outdir, 'THIRD-PARTY-LICENSES.txt'), `Packages bundled into hctl.cjs and node_modules/*/index.cjs, and their licences.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);
