import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../config/errors.js';
import type { KubeObject } from './object.js';
import { parseFile } from './parse.js';
import { fsErrorReason } from '../fs/fs-error-reason.js';

export interface SchemaDirContents {
  /** CustomResourceDefinitions found in YAML files. */
  crds: KubeObject[];
  /** JSON Schemas in the CRD catalog layout: `<group>/<kind>_<version>.json`, by group/version/kind. */
  jsonSchemas: { group: string; version: string; kind: string; schema: Record<string, unknown> }[];
}

const CATALOG_FILE = /^(.+)_([^_]+)\.json$/;

/** Reads `--schema-dir`: CRD manifests (YAML) and JSON Schemas laid out like the CRD catalog. */
export async function readSchemaDir(dir: string): Promise<SchemaDirContents> {
  const contents: SchemaDirContents = { crds: [], jsonSchemas: [] };
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read --schema-dir ${dir}: ${fsErrorReason(error)}`);
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file).split(path.sep).join('/');
    if (/\.ya?ml$/.test(entry.name)) {
      const parsed = parseFile(relative, await readFile(file, 'utf8'));
      contents.crds.push(...parsed.objects.filter((object) => object.kind === 'CustomResourceDefinition'));
      continue;
    }
    const match = CATALOG_FILE.exec(entry.name);
    const group = path.basename(entry.parentPath);
    if (!match || !entry.name.endsWith('.json') || path.resolve(entry.parentPath) === path.resolve(dir)) continue;
    try {
      const schema = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      contents.jsonSchemas.push({ group, version: match[2]!, kind: match[1]!, schema });
    } catch {
      throw new UsageError(`--schema-dir: ${relative} is not valid JSON`);
    }
  }
  return contents;
}
