import { readFileSync } from 'node:fs';
import type { PlatformSettings } from '../config/platform.js';
import { validateObjects } from '../engine/validate-objects.js';
import { loadFiles } from '../repo/load.js';
import { walkRepo } from '../repo/walk.js';
import { crdSchemas } from '../schema/crd-schemas.js';
import { kindKey } from '../schema/bundle.js';
import { requestCrdYaml } from './request-crd.js';

export interface RequestSchemaProblem {
  /** `file:line:column` inside the request as it would be written. */
  where: string;
  pointer: string;
  message: string;
}

export interface RequestValidation {
  /** Where the schema came from: a repo file, or hctl's embedded copy. */
  schemaFrom: string;
  problems: RequestSchemaProblem[];
}

const EMBEDDED = "hctl's embedded schema";

/**
 * Checks a request against its CRD with the same strict validator as `hctl check`. The repo's own
 * CRD or Kratix Promise for the kind wins over the embedded one, so a platform that changed its
 * API is checked against what it really accepts.
 */
export function validateRequest(repoRoot: string, file: string, text: string, platform: PlatformSettings): RequestValidation {
  const key = kindKey(platform.apiGroup, platform.apiVersion, platform.kind);
  const repoCrds = loadFiles(repoCrdFiles(repoRoot, platform)).objects;
  const definer = repoCrds.find((object) => crdSchemas([object]).schemas.has(key));
  const crds = definer ? repoCrds : loadFiles({ [EMBEDDED]: requestCrdYaml(platform) }).objects;
  const schemaFrom = definer?.source?.file ?? EMBEDDED;
  const request = loadFiles({ [file]: text }).objects[0];
  if (!request) return { schemaFrom, problems: [{ where: `${file}:1:1`, pointer: '', message: 'the generated request is not a Kubernetes object' }] };
  const result = validateObjects([...crds, request]).results.get(request);
  if (!result || result.status !== 'validated') return { schemaFrom, problems: [{ where: `${file}:1:1`, pointer: '', message: `no schema for ${key}` }] };
  const problems = result.problems.map((problem) => {
    const at = request.source!.locate(problem.path, { key: problem.key });
    return { where: `${file}:${at.line}:${at.column}`, pointer: problem.pointer, message: problem.message };
  });
  return { schemaFrom, problems };
}

/** Repo files that may define the request's kind: a CRD or Promise naming it (read only when they mention both). */
function repoCrdFiles(root: string, platform: PlatformSettings): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of walkRepo(root).files) {
    if (!/\.ya?ml$/i.test(entry.file)) continue;
    const text = readFileSync(entry.absolute, 'utf8');
    if (text.includes(`kind: ${platform.kind}`) && (text.includes('CustomResourceDefinition') || text.includes('kind: Promise'))) files[entry.file] = text;
  }
  return files;
}
