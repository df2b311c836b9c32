import { generatedSuffix } from '../../argocd/argo-applications.js';
import { objectIdentity } from '../../flux/identity.js';
import { ANNOTATIONS_LIMIT_BYTES, clientSideApplyAnnotationBytes, kibibytes } from '../../k8s/annotation-size.js';
import { effectiveSyncOptions, objectSyncOptions, SYNC_OPTIONS_ANNOTATION } from '../../k8s/argo-sync-options.js';
import { generatorEntryPath } from '../../render/generators.js';
import { apiGroup, type KubeObject } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

/** Sync options that keep Argo CD from writing last-applied-configuration. */
function appliesServerSide(options: ReadonlyMap<string, string>): boolean {
  return options.get('ServerSideApply') === 'true' || options.get('Replace') === 'true';
}

export default {
  meta: {
    id: 'argocd-apply-too-large',
    domain: 'argocd',
    severity: 'critical',
    title: 'An object too large for the client-side apply Argo CD uses by default (last-applied-configuration over 256 KiB)',
    source:
      'pando85/homelab (ServerSideApply=true on its ~350 KB Grafana dashboards ConfigMap, Replace=true on chart CRDs); argoproj/argo-cd#820 and #5704, kedacore/keda#4740 ("metadata.annotations: Too long: must have at most 262144 bytes")',
  },
  check(context) {
    const kustomizations = new Map(context.objects.filter((object) => object.source && apiGroup(object.apiVersion) === 'kustomize.config.k8s.io').map((object) => [object.source!.file, object]));
    const generatorOf = (object: KubeObject) => {
      const kustomization = object.source ? kustomizations.get(object.source.file) : undefined;
      return kustomization && object.name ? generatorEntryPath(kustomization.body, object.kind, object.name) : undefined;
    };
    // Each object once, judged by the first Application that applies it, else by its own annotations.
    const judged = new Set<string>();
    const judge = (object: KubeObject, options: ReadonlyMap<string, string>, applier: string, fix: string) => {
      const identity = objectIdentity(object.body);
      if (judged.has(identity)) return;
      judged.add(identity);
      if (appliesServerSide(options)) return;
      const size = clientSideApplyAnnotationBytes(object.body);
      if (size <= ANNOTATIONS_LIMIT_BYTES) return;
      // A generated ConfigMap's source is its kustomization: point at the generator entry.
      const generator = generatorOf(object);
      context.report({
        object,
        path: generator ?? ['metadata'],
        key: generator === undefined,
        message: `applied client-side, it needs ${kibibytes(size)} of annotations (kubectl's last-applied-configuration holds the whole object): ${applier} applies it that way and the API server refuses more than 256 KiB — the sync fails with "metadata.annotations: Too long"`,
        hint: `Annotate it ${SYNC_OPTIONS_ANNOTATION}: ServerSideApply=true (a generated ConfigMap takes it from generatorOptions.annotations)${fix}.`,
      });
    };
    for (const build of context.argoBuilds) {
      const name = `${build.app.object.name ?? ''}${generatedSuffix(build.app)}`;
      for (const object of build.objects) {
        judge(object, effectiveSyncOptions(build.app.spec, object), `Argo CD Application ${name}`, `, or add ServerSideApply=true to Application ${build.app.object.name ?? ''}'s spec.syncPolicy.syncOptions`);
      }
    }
    // Applications hctl cannot see (a Helm-templated app of apps) still leave their mark: Argo CD annotations on what they apply.
    for (const object of context.applied) {
      const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
      if (!Object.keys(annotations).some((key) => key.startsWith('argocd.argoproj.io/'))) continue;
      judge(object, objectSyncOptions(object), 'Argo CD (its argocd.argoproj.io annotations say so)', '');
    }
  },
} satisfies Rule;
