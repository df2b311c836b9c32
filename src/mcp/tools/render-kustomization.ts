import { z } from 'zod';
import { renderKustomization } from '../../cli/render.js';
import { MAX_LIMIT } from '../inputs.js';
import { defineTool } from '../tool.js';

export const renderKustomizationTool = defineTool({
  name: 'render_kustomization',
  title: 'Build a kustomization',
  description:
    'Builds a directory holding kustomization.yaml as `kubectl kustomize DIR` would, offline, and returns the objects as YAML, ' +
    'a page at a time: what the overlay really produces (namespaces, patches, generated names) before it is committed.',
  input: {
    path: z.string().describe("the directory holding kustomization.yaml (relative to the server's working directory)"),
    kind: z.string().optional().describe('only objects of this kind (Deployment, HelmRelease…)'),
    offset: z.number().int().min(0).default(0).describe('skip this many objects: the "More:" line of the previous page gives it'),
    limit: z.number().int().min(1).max(MAX_LIMIT).default(20).describe(`objects per page (at most ${MAX_LIMIT})`),
  },
  readsCluster: false,
  async run(args) {
    const { documents, viaKubectl } = renderKustomization(args.path, true);
    const matching = documents.filter((document) => args.kind === undefined || document.kind === args.kind);
    const shown = matching.slice(args.offset, args.offset + args.limit).map((document) => document.yaml);
    const of = args.kind !== undefined ? `${matching.length} ${args.kind} objects (${documents.length} in all)` : `${documents.length} objects`;
    const lines = [
      shown.length > 0 ? `${args.path} builds ${of}; objects ${args.offset + 1}–${args.offset + shown.length}:` : `${args.path} builds ${of}; none from offset ${args.offset}.`,
      ...(viaKubectl ? ['(built with kubectl kustomize: the directory uses a feature hctl does not render)'] : []),
    ];
    const next = args.offset + shown.length < matching.length ? [`More: call again with offset ${args.offset + shown.length}.`] : [];
    return [...lines, '', shown.join('---\n'), ...next].join('\n');
  },
});
