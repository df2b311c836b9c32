import { nodeObject } from '../../flux/node-object.js';
import type { Omission } from '../../render/kustomize.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'render-unverified',
    domain: 'render',
    severity: 'info',
    title: 'A build hctl does not render offline, in whole or in part (Helm charts, plugins, remote resources)',
    source: 'hctl contract: no silent skips; issue #4 ("report an unverified finding — and count" what is not rendered)',
  },
  check(context) {
    for (const node of context.flux.nodes) {
      if (!node.problem?.unsupported) continue;
      context.report({
        object: nodeObject(node),
        path: ['spec', 'path'],
        message: `unverified: the build of ${node.namespace}/${node.name} is not rendered offline (${node.problem.message}); what it applies is not checked`,
        hint: '`hctl render DIR` builds it with kubectl kustomize when kubectl is installed.',
      });
    }
    const fluxRepo = context.flux.nodes.length > 0;
    for (const build of context.standaloneBuilds) {
      if (!build.error?.unsupported) continue;
      const kustomization = context.objects.find((object) => object.source?.file === build.error!.file);
      context.report({
        ...(kustomization ? { object: kustomization, ...(build.error.path ? { path: build.error.path, key: build.error.atKey ?? false } : {}) } : {}),
        message: `unverified: \`kustomize build ${build.dir}\` is not rendered offline (${build.error.message}); its files are checked only as written${fluxRepo ? ' (no Flux Kustomization builds it)' : ''}`,
        hint: '`hctl render DIR` builds it with kubectl kustomize when kubectl is installed.',
      });
    }
    // One finding per kustomization, at its first left-out entry, however many builds include it.
    const omissions = new Map<string, Map<string, Omission>>();
    for (const omission of [...context.flux.nodes.flatMap((node) => node.omitted), ...context.standaloneBuilds.flatMap((build) => build.omitted)]) {
      const inFile = omissions.get(omission.file) ?? new Map<string, Omission>();
      inFile.set(omission.path.join('\0'), omission);
      omissions.set(omission.file, inFile);
    }
    for (const [file, inFile] of omissions) {
      const kustomization = context.objects.find((object) => object.source?.file === file);
      const line = (omission: Omission) => kustomization?.source?.locate(omission.path).line ?? 0;
      const entries = [...inFile.values()].sort((a, b) => line(a) - line(b));
      const counts = new Map<string, number>();
      for (const { what } of entries) counts.set(what, (counts.get(what) ?? 0) + 1);
      const listed = [...counts].map(([what, count]) => (count > 1 ? `${what} ×${count}` : what)).join('; ');
      context.report({
        ...(kustomization ? { object: kustomization, path: entries[0]!.path } : {}),
        message:
          entries.length === 1
            ? `unverified: ${listed} is not rendered offline: the objects it makes are not checked (the rest of the build is)`
            : `unverified: ${entries.length} entries are (${listed}) not rendered offline: the objects they make are not checked (the rest of the build is)`,
        hint: entries.some(({ what }) => what.startsWith('Helm chart'))
          ? '`kubectl kustomize --enable-helm DIR` renders charts (with helm installed, online); `hctl render DIR` does so when both are installed.'
          : 'Vendor the file into the repository to have it checked; `hctl render DIR` fetches it with kubectl kustomize when kubectl is installed.',
      });
    }
  },
} satisfies Rule;
