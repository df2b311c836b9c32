import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/** The published JSON Schema of the report (docs/report.schema.json), compiled once for the e2e tests. */
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
export const validateReport = ajv.compile(JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')) as object);
