import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { generatedSuffix, repositoryRelative, repositorySources } from '../../argocd/argo-applications.js';
import { closest } from '../../text/closest.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-path-missing',
    domain: 'argocd',
    severity: 'critical',
    title: 'An Argo CD Application whose source path is not in this repository',
    source: 'Part 3 of the check (issue #4): "an Argo CD Application whose path is gone"; Argo CD reports "app path does not exist"',
  },
  check(context) {
    for (const { app, sourcePath, repoURL, dir } of repositorySources(context.applied, context.repository)) {
      const problem = missingDirectory(context.repository.root, dir);
      if (!problem) continue;
      context.report({
        object: app.object,
        path: [...sourcePath, 'path'],
        message: `source path ${dir} ${problem.what} in this repository (${repoURL})${generatedSuffix(app)}: Argo CD cannot generate the manifests ("app path does not exist")`,
        hint: problem.suggestion
          ? `Did you mean ${problem.suggestion}? Paths are relative to the repository root.`
          : 'Fix the path (relative to the repository root), or commit the directory it names.',
      });
    }
  },
} satisfies Rule;

/** Why `dir` (relative to the repository root) is not a directory there, with the nearest existing alternative. */
function missingDirectory(root: string, dir: string): { what: string; suggestion?: string } | undefined {
  const relative = repositoryRelative(dir);
  const target = path.join(root, relative);
  if (relative.startsWith('..')) return { what: 'leaves the repository' };
  if (existsSync(target)) return statSync(target).isDirectory() ? undefined : { what: 'is a file, not a directory' };
  // Walk down to the deepest existing parent and suggest its closest subdirectory.
  const parts = relative.split('/');
  let existing = '';
  for (const part of parts) {
    const next = existing ? `${existing}/${part}` : part;
    if (!existsSync(path.join(root, next))) {
      const siblings = subdirectories(path.join(root, existing));
      // A rename usually keeps the old name inside the new one (demo → demo-app).
      const match = closest(part, siblings) ?? siblings.find((sibling) => Math.min(sibling.length, part.length) >= 3 && (sibling.includes(part) || part.includes(sibling)));
      return match ? { what: 'does not exist', suggestion: [existing, match].filter(Boolean).join('/') } : { what: 'does not exist' };
    }
    existing = next;
  }
  return { what: 'does not exist' };
}

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== '.git').map((entry) => entry.name);
  } catch {
    return [];
  }
}
