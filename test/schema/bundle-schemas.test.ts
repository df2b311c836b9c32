import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addCelKeyword } from '../../src/schema/cel-keyword.js';
import { addKubernetesFormats } from '../../src/schema/formats.js';
import { PROJECT_ROOT } from '../cli/run-cli.js';

const read = (file: string) => JSON.parse(gunzipSync(readFileSync(path.join(PROJECT_ROOT, 'schemas', file))).toString('utf8')) as Record<string, unknown>;

describe('the embedded schema bundle', () => {
  // hctl compiles bundled schemas without validating them first (a sixth of a first run's
  // compile time): this is where they are validated, for every kind, once.
  it('holds only valid JSON Schemas (draft-07, with the CEL keyword and Kubernetes formats)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addKubernetesFormats(ajv);
    addCelKeyword(ajv);
    const invalid: string[] = [];
    const check = (name: string, schema: unknown) => {
      if (!ajv.validateSchema(schema as object)) invalid.push(`${name}: ${ajv.errorsText()}`);
    };
    check('kubernetes', { definitions: (read('kubernetes.json.gz') as { definitions: unknown }).definitions });
    let kinds = 0;
    for (const file of readdirSync(path.join(PROJECT_ROOT, 'schemas', 'crds'))) {
      for (const [kind, schema] of Object.entries(read(path.join('crds', file)))) {
        kinds++;
        check(`${file} ${kind}`, schema);
      }
    }
    expect(kinds).toBeGreaterThan(1000);
    expect(invalid).toEqual([]);
  });
});
