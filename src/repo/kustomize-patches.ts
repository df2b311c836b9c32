import path from 'node:path';
import { apiGroup, type KubeObject } from './object.js';
import { asList, asRecord } from './parse.js';

/**
 * Files that kustomize uses as patches (`patches[].path`, `patchesStrategicMerge`,
 * `patchesJson6902[].path`). They hold partial objects, so they cannot have every required field.
 */
export function kustomizePatchFiles(objects: readonly KubeObject[]): Set<string> {
  const files = new Set<string>();
  for (const object of objects) {
    if (apiGroup(object.apiVersion) !== 'kustomize.config.k8s.io' || !object.source) continue;
    const dir = path.posix.dirname(object.source.file);
    const add = (entry: unknown) => {
      // Inline patches are YAML text, not paths.
      if (typeof entry === 'string' && !entry.includes('\n') && /\.ya?ml$|\.json$/.test(entry)) files.add(path.posix.normalize(path.posix.join(dir, entry)));
    };
    for (const entry of asList(object.body.patchesStrategicMerge)) add(entry);
    for (const field of ['patches', 'patchesJson6902']) {
      for (const entry of asList(object.body[field])) add(asRecord(entry)?.path);
    }
  }
  return files;
}

/**
 * Files named as patches (`helmrelease-patch.yaml`, `patch.yaml`, `patches/values.yaml`): partial
 * objects too, kept for `kubectl patch --patch-file` or a script, not applied as they are.
 */
export function isNamedAsPatch(file: string): boolean {
  return /(^|\/)patch(es)?\//i.test(file) || /(^|[-_.])patch(es)?([-_.][^/]*)?\.(ya?ml|json)$/i.test(path.posix.basename(file));
}
