import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { yaml } from '../lazy-packages.js';
import { writeAtomically } from '../fs/write-atomically.js';
import { UsageError } from '../config/errors.js';
import { ApiError, type ApiClient } from './api-client.js';
import { listAll } from './list-all.js';

const CRDS_PATH = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

export interface PulledCrds {
  /** Files written, relative to the output directory (`<group>/<name>.yaml`). */
  files: string[];
  groups: string[];
  /** Groups asked for with --group that the cluster has no CRD of. */
  missingGroups: string[];
}

/**
 * Saves the cluster's CustomResourceDefinitions (all, or those of `groups`) under `output`, one
 * file per CRD, as `hctl check --schema-dir` reads them: what the API server validates custom
 * resources against, so that checks of the repo stay offline afterwards. Only the definition is
 * kept — status, managed fields and conversion webhooks (with their CA bundles) are dropped.
 */
export async function pullCrds(client: ApiClient, output: string, options: { groups: readonly string[]; context: string; today: string }): Promise<PulledCrds> {
  const wanted = new Set(options.groups);
  let listed: Record<string, any>[];
  try {
    listed = await listAll(client, CRDS_PATH);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      throw new UsageError(`the cluster (context ${options.context}) does not let you list customresourcedefinitions: ask for get/list on customresourcedefinitions.apiextensions.k8s.io (the built-in view role lacks it)`);
    }
    throw error;
  }
  const crds = listed.filter((crd) => wanted.size === 0 || wanted.has(String(crd.spec?.group)));
  const files: string[] = [];
  for (const crd of crds.sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)))) {
    const group = String(crd.spec?.group ?? 'unknown');
    const name = String(crd.metadata?.name ?? `${String(crd.spec?.names?.plural)}.${group}`);
    const { conversion: _conversion, ...spec } = (crd.spec ?? {}) as Record<string, unknown>;
    const definition = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name }, spec };
    const file = path.posix.join(safeSegment(group), `${safeSegment(name)}.yaml`);
    const header = `# ${name}: pulled by \`hctl schemas pull\` from context ${options.context} on ${options.today}, for hctl check --schema-dir.\n`;
    try {
      mkdirSync(path.join(output, safeSegment(group)), { recursive: true });
      writeAtomically(path.join(output, file), header + yaml().stringify(definition, { lineWidth: 0 }));
    } catch (error) {
      throw new UsageError(`cannot write ${path.join(output, file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    files.push(file);
  }
  const groups = [...new Set(crds.map((crd) => String(crd.spec?.group)))].sort();
  return { files, groups, missingGroups: options.groups.filter((group) => !groups.includes(group)) };
}

/** A path segment from cluster data: no separators, no `..`. */
function safeSegment(value: string): string {
  return value.replace(/[/\\]/g, '_').replace(/^\.+$/, '_');
}
