import type { KubeObject } from './object.js';
import type { CheckCache } from '../cache/check-cache.js';
import type { GitIgnored } from './git-ignored.js';
import { PathFacts } from './path-facts.js';
import { parseFile, type ParsedFile } from './parse.js';
import { readManifest, type ReadResult } from './read.js';
import { SopsConfig } from './sops-config.js';
import { walkRepo, type SkippedFile } from './walk.js';
import { diskChartFiles, memoryChartFiles } from '../helm/chart-files.js';
import { renderRepoCharts } from '../helm/render-repo-charts.js';
import { DEFAULT_KUBERNETES_VERSION } from '../config/config.js';

/** Everything hctl read from a repository: the one place that touched the disk. */
export interface LoadedRepo {
  files: ParsedFile[];
  skipped: SkippedFile[];
  sops: SopsConfig;
  objects: KubeObject[];
  /** What exists under the root and what is a directory, from the walk (absent for in-memory files). */
  paths?: PathFacts;
  /** What the `.gitignore` files keep out of Git (absent for in-memory files). */
  gitIgnored?: GitIgnored;
}

const SOPS_CONFIG = /(^|\/)\.sops\.ya?ml$/;

/**
 * Reads and parses a repository. With a check cache, files parsed by an earlier run are not parsed
 * again, and files unchanged since (same size, times and inode) not even read. Chart templates are
 * rendered for `kubernetesVersion` (their `.Capabilities`).
 */
export function loadRepo(root: string, cache?: CheckCache, kubernetesVersion = DEFAULT_KUBERNETES_VERSION): LoadedRepo {
  const walked = walkRepo(root);
  const skipped = [...walked.skipped];
  const sopsSources: { file: string; text: string }[] = [];
  const parsed: ParsedFile[] = [];
  for (const entry of walked.files) {
    const sops = SOPS_CONFIG.test(entry.file);
    const known = sops ? undefined : cache?.known(entry.file, entry.absolute, () => textOf(readManifest(entry.absolute)));
    if (known === 'not-manifest') continue;
    if (known) {
      parsed.push(known);
      continue;
    }
    const read = readManifest(entry.absolute);
    if ('skipped' in read) skipped.push({ file: entry.file, reason: read.skipped });
    else if (sops) sopsSources.push({ file: entry.file, text: read.text });
    else if (isOtherJson(entry.file, read.text)) cache?.notManifest(entry.file, read.stamp);
    else parsed.push(cache ? cache.parseFile(entry.file, read.text, read.stamp) : parseFile(entry.file, read.text));
  }
  const files = renderRepoCharts(parsed, diskChartFiles(root), kubernetesVersion, cache);
  return { ...assemble(files, skipped, SopsConfig.fromFiles(sopsSources)), paths: new PathFacts(root, walked.listings, walked.directories), gitIgnored: walked.gitIgnored };
}

/** A file's text for positions, read after the fact: empty if it has since become unreadable. */
function textOf(read: ReadResult): string {
  return 'text' in read ? read.text : '';
}

/** Loads in-memory files (path → content) exactly as a repository on disk would be loaded. */
export function loadFiles(files: Record<string, string>, kubernetesVersion = DEFAULT_KUBERNETES_VERSION): LoadedRepo {
  const sopsSources: { file: string; text: string }[] = [];
  const parsed: ParsedFile[] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (SOPS_CONFIG.test(file)) sopsSources.push({ file, text });
    else if (!isOtherJson(file, text)) parsed.push(parseFile(file, text));
  }
  return assemble(renderRepoCharts(parsed, memoryChartFiles(files), kubernetesVersion), [], SopsConfig.fromFiles(sopsSources));
}

function assemble(files: ParsedFile[], skipped: SkippedFile[], sops: SopsConfig): LoadedRepo {
  skipped.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { files, skipped, sops, objects: files.flatMap((file) => file.objects) };
}

/**
 * JSON files are only manifests when they hold a Kubernetes object; the rest (dashboards,
 * package.json) is not ours. One that names apiVersion and kind but does not parse is a broken
 * manifest: parsed as YAML, which reports where it breaks.
 */
function isOtherJson(file: string, text: string): boolean {
  if (!file.toLowerCase().endsWith('.json')) return false;
  // Grafana dashboards and package.json files are large and common: skip the parse when they cannot be.
  if (!text.includes('"apiVersion"') || !text.includes('"kind"')) return true;
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    return value === null || typeof value !== 'object' || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string';
  } catch {
    return false;
  }
}
