import { isIncomplete } from '../../flux/flux-graph.js';
import { renderedObject } from '../../flux/node-object.js';
import { objectIdentity } from '../../flux/identity.js';
import type { RenderedObject } from '../../render/kustomize.js';
import { metadataOf } from '../../render/transformers.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

const SOURCE_GROUP = 'source.toolkit.fluxcd.io';

export default {
  meta: {
    id: 'flux-source-missing',
    domain: 'flux',
    severity: 'critical',
    title: 'A Flux sourceRef or chart source that names no source Flux applies',
    source: 'F1, F21; seed 003 ("Missing namespace: flux-system in sourceRef → GitRepository not found")',
  },
  check(context) {
    const { roots, nodes } = context.flux;
    const applied: RenderedObject[] = [...roots.map((root) => root.object), ...nodes.flatMap((node) => node.applies)];
    const sources = new Set(applied.filter((object) => String(object.body.apiVersion).startsWith(`${SOURCE_GROUP}/`)).map((object) => objectIdentity(object.body)));
    const incomplete = nodes.some(isIncomplete);
    const check = (object: RenderedObject, path: (string | number)[], reference: Record<string, unknown> | undefined, ownNamespace: string) => {
      if (!reference || typeof reference.name !== 'string' || typeof reference.kind !== 'string') return;
      // Flux's default: the referring object's own (effective) namespace.
      const namespace = String(reference.namespace ?? ownNamespace);
      // Flux bootstrap (or a FluxInstance) creates the sync source flux-system/flux-system itself.
      if (reference.name === 'flux-system' && namespace === 'flux-system') return;
      if (sources.has(`${SOURCE_GROUP}/${reference.kind}/${namespace}/${reference.name}`)) return;
      const elsewhere = [...sources]
        .map((identity) => identity.split('/'))
        .filter(([, kind, , name]) => kind === reference.kind && name === reference.name)
        .map(([, , otherNamespace]) => otherNamespace!);
      context.report({
        object: renderedObject(object),
        path,
        ...(incomplete && elsewhere.length === 0 ? { severity: 'warning' as const } : {}),
        message:
          elsewhere.length > 0
            ? `${reference.kind} ${namespace}/${reference.name} does not exist; it is applied in namespace ${elsewhere.join(', ')}`
            : `${reference.kind} ${namespace}/${reference.name} is not applied by any Flux build${incomplete ? ' (some builds could not be rendered)' : ''}`,
        hint:
          elsewhere.length > 0
            ? `Add namespace: ${elsewhere[0]} to the reference; without it Flux looks in ${ownNamespace}, the object's own effective namespace.`
            : 'Fix the name or kind, or add the source (sources placed outside what Flux builds are never created).',
      });
    };
    for (const node of nodes) check(node.object, ['spec', 'sourceRef'], asRecord(asRecord(node.object.body.spec)?.sourceRef), node.namespace);
    for (const object of applied) {
      if (object.body.kind !== 'HelmRelease' || !String(object.body.apiVersion).startsWith('helm.toolkit.fluxcd.io/')) continue;
      const namespace = String(metadataOf(object.body).namespace ?? 'default');
      const spec = asRecord(object.body.spec);
      check(object, ['spec', 'chart', 'spec', 'sourceRef'], asRecord(asRecord(asRecord(spec?.chart)?.spec)?.sourceRef), namespace);
      const chartRef = asRecord(spec?.chartRef);
      if (chartRef?.kind === 'OCIRepository') check(object, ['spec', 'chartRef'], chartRef, namespace);
    }
  },
} satisfies Rule;
