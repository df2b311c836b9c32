import path from 'node:path';
import { apiGroup, type NodePath } from '../../repo/object.js';
import { asList, asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Fields of a kustomization whose entries are paths (files or directories) kustomize reads. */
const PATH_LISTS = ['resources', 'bases', 'components', 'patchesStrategicMerge', 'configurations', 'crds', 'generators', 'transformers', 'validators'];
const PATH_OBJECT_LISTS = ['patches', 'patchesJson6902', 'replacements'];
const GENERATORS = ['configMapGenerator', 'secretGenerator'];

export default {
  meta: {
    id: 'gitignored-reference',
    domain: 'render',
    severity: 'warning',
    title: 'A kustomization reads a file that .gitignore keeps out of Git',
    source: 'Research catalogue S6: seed 000, where `**/secret.yaml` in .gitignore kept ExternalSecret files out of Git; the build works on the laptop and fails in the cluster',
  },
  check(context) {
    for (const object of context.objects) {
      if (apiGroup(object.apiVersion) !== 'kustomize.config.k8s.io' || !object.source) continue;
      const dir = path.posix.dirname(object.source.file);
      const check = (entry: unknown, at: NodePath) => {
        if (typeof entry !== 'string' || entry.includes('\n') || isRemote(entry)) return;
        const target = path.posix.normalize(path.posix.join(dir, entry));
        if (target.startsWith('../')) return;
        // An entry without an extension is a directory (`./app`, `private`); matched as one, `private` and `private/` both catch it.
        const reason = context.gitIgnored(target, path.posix.extname(target) === '');
        if (!reason) return;
        context.report({
          object,
          path: at,
          message: `${target} is kept out of Git by .gitignore (${reason}): the cluster builds from Git, where it does not exist, so the build fails there though it works here`,
          hint: `Commit it — encrypted with SOPS if it holds secrets — and let it through .gitignore (a \`!${path.posix.basename(target)}\` line after the pattern). If it is in Git already (\`git ls-files ${target}\` lists it), suppress this with that reason.`,
        });
      };
      for (const field of PATH_LISTS) asList(object.body[field]).forEach((entry, index) => check(entry, [field, index]));
      for (const field of PATH_OBJECT_LISTS) asList(object.body[field]).forEach((entry, index) => check(asRecord(entry)?.path, [field, index, 'path']));
      for (const field of GENERATORS) {
        asList(object.body[field]).forEach((generator, index) => {
          const spec = asRecord(generator) ?? {};
          asList(spec.files).forEach((file, at) => check(typeof file === 'string' ? file.slice(file.indexOf('=') + 1) : file, [field, index, 'files', at]));
          asList(spec.envs).forEach((file, at) => check(file, [field, index, 'envs', at]));
          if (spec.env !== undefined) check(spec.env, [field, index, 'env']);
        });
      }
    }
  },
} satisfies Rule;

/** Remote bases and resources (`https://…`, `github.com/org/repo//dir?ref=…`) are not files of this repository. */
function isRemote(entry: string): boolean {
  return entry.includes('://') || entry.startsWith('git@') || /^(github|gitlab|bitbucket)\.(com|org)\//.test(entry);
}
