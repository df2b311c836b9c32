import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A package loaded the first time it is used, not when hctl starts (CommonJS, or ES modules without top-level await). */
function loadOnUse<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}

// Hundreds of modules between them, which most runs never touch: a check whose validations are all
// cached needs no ajv and no CEL, a repo without CronJobs no cron-parser (and its luxon), a file the fast
// parser reads and the line locator places no `yaml`, `--version` none of them. From the bundled
// CLI, require() finds yaml, CEL and cron-parser as one file each (scripts/bundle-cli.mjs).
export const ajv = loadOnUse<typeof import('ajv')>('ajv');
export const ajvStandalone = loadOnUse<typeof import('ajv/dist/standalone/index.js')>('ajv/dist/standalone/index.js');
export const ajvFormats = loadOnUse<typeof import('ajv-formats/dist/formats.js')>('ajv-formats/dist/formats.js');
export const jsonPatch = loadOnUse<typeof import('fast-json-patch')>('fast-json-patch');
export const cronParser = loadOnUse<typeof import('cron-parser')>('cron-parser');
export const yaml = loadOnUse<typeof import('yaml')>('yaml');
export const celJs = loadOnUse<typeof import('@marcbachmann/cel-js')>('@marcbachmann/cel-js');
export const jmespath = loadOnUse<typeof import('@jmespath-community/jmespath')>('@jmespath-community/jmespath');
