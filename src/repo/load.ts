import type { KubeObject } from './object.js';
import { parseFile, type ParsedFile } from './parse.js';
import { readManifest } from './read.js';
import { SopsConfig } from './sops-config.js';
import { walkRepo, type SkippedFile } from './walk.js';

/** Everything hctl read from a repository: the one place that touched the disk. */
export interface LoadedRepo {
  files: ParsedFile[];
  skipped: SkippedFile[];
  sops: SopsConfig;
  objects: KubeObject[];
}

const READ_CONCURRENCY = 64;
const SOPS_CONFIG = /(^|\/)\.sops\.ya?ml$/;

export async function loadRepo(root: string): Promise<LoadedRepo> {
  const walked = await walkRepo(root);
  const skipped = [...walked.skipped];
  const sopsSources: { file: string; text: string }[] = [];
  const parsed: (ParsedFile | undefined)[] = new Array(walked.files.length);

  let next = 0;
  const worker = async () => {
    while (next < walked.files.length) {
      const index = next++;
      const entry = walked.files[index]!;
      const read = await readManifest(entry.absolute);
      if ('skipped' in read) {
        skipped.push({ file: entry.file, reason: read.skipped });
      } else if (SOPS_CONFIG.test(entry.file)) {
        sopsSources.push({ file: entry.file, text: read.text });
      } else if (entry.file.toLowerCase().endsWith('.json')) {
        if (isKubernetesJson(read.text)) parsed[index] = parseFile(entry.file, read.text);
      } else {
        parsed[index] = parseFile(entry.file, read.text);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, walked.files.length) }, worker));
  return assemble(parsed.filter((file): file is ParsedFile => file !== undefined), skipped, SopsConfig.fromFiles(sopsSources));
}

/** Loads in-memory files (path → content) exactly as a repository on disk would be loaded. */
export function loadFiles(files: Record<string, string>): LoadedRepo {
  const sopsSources: { file: string; text: string }[] = [];
  const parsed: ParsedFile[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (SOPS_CONFIG.test(file)) sopsSources.push({ file, text });
    else if (!file.endsWith('.json') || isKubernetesJson(text)) parsed.push(parseFile(file, text));
  }
  return assemble(parsed, [], SopsConfig.fromFiles(sopsSources));
}

function assemble(files: ParsedFile[], skipped: SkippedFile[], sops: SopsConfig): LoadedRepo {
  skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, skipped, sops, objects: files.flatMap((file) => file.objects) };
}

/** JSON files are only manifests when they hold a Kubernetes object; the rest (dashboards, package.json) is not ours. */
function isKubernetesJson(text: string): boolean {
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    return value !== null && typeof value === 'object' && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
  } catch {
    return false;
  }
}

