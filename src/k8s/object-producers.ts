import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import { appTemplateProducts, type AppTemplateProducts } from './app-template-references.js';
import type { AppTemplateRelease } from './app-template.js';
import { argoAppSpecs, argoSources, isPlaceholder } from './argo-apps.js';
import { isHelmRelease } from './kinds.js';
import type { ReferencedKind } from './object-references.js';

const ALL_KINDS: readonly ReferencedKind[] = ['ConfigMap', 'Secret', 'PersistentVolumeClaim'];

/**
 * API groups whose objects never create a ConfigMap, Secret or PersistentVolumeClaim that a pod
 * names, or whose products hctl reads below (External Secrets, cert-manager, Kyverno, Sealed
 * Secrets, 1Password). Objects of any other group (a database operator, a chart) may create them
 * unseen, so references into their namespaces are not judged.
 */
const TRANSPARENT_GROUPS = new Set([
  ...['', 'apps', 'batch', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'discovery.k8s.io', 'scheduling.k8s.io', 'node.k8s.io'],
  ...['coordination.k8s.io', 'apiextensions.k8s.io', 'admissionregistration.k8s.io', 'apiregistration.k8s.io', 'certificates.k8s.io', 'snapshot.storage.k8s.io', 'autoscaling.k8s.io'],
  ...['kustomize.config.k8s.io', 'kustomize.toolkit.fluxcd.io', 'source.toolkit.fluxcd.io', 'notification.toolkit.fluxcd.io', 'image.toolkit.fluxcd.io', 'monitoring.coreos.com'],
  ...['gateway.networking.k8s.io', 'cilium.io', 'metallb.io', 'traefik.io', 'traefik.containo.us', 'externaldns.k8s.io', 'upgrade.cattle.io'],
  ...['external-secrets.io', 'generators.external-secrets.io', 'cert-manager.io', 'acme.cert-manager.io', 'kyverno.io', 'bitnami.com', 'onepassword.com'],
]);

/** Groups that create only some kinds unseen: VolSync makes the PersistentVolumeClaims it restores into. */
const PARTLY_HIDDEN_GROUPS = new Map<string, readonly ReferencedKind[]>([['volsync.backube', ['PersistentVolumeClaim']]]);

/** Annotations that copy a Secret or ConfigMap into other namespaces (emberstack reflector, mittwald replicator). */
const MIRROR_ANNOTATIONS = ['reflector.v1.k8s.emberstack.com/reflection-auto-enabled', 'replicator.v1.mittwald.de/replicate-to', 'replicator.v1.mittwald.de/replicate-to-matching'];

/** Every namespace: what a ClusterExternalSecret, a Kyverno generate rule or a mirroring annotation makes. */
const ANYWHERE = '*';

export interface ObjectProducers {
  /** Whether something in the repo makes `kind/name` in `namespace` (or in every namespace). */
  produces(kind: ReferencedKind, namespace: string | undefined, name: string): boolean;
  /**
   * Whether something hctl cannot see into may make `kind` objects in `namespace`: a chart, an
   * operator. `except` leaves one object out (a HelmRelease's `valuesFrom` are read before its own
   * chart renders).
   */
  mayHide(kind: ReferencedKind, namespace: string | undefined, except?: KubeObject): boolean;
}

/**
 * What the repo makes, from the objects as they reach the cluster: ConfigMaps, Secrets (SOPS ones
 * too) and PersistentVolumeClaims themselves, ExternalSecret targets, Certificates' and ACME
 * issuers' Secrets, SealedSecrets, 1Password items, StatefulSet claim templates, app-template's own
 * objects, the SOPS key a Flux Kustomization decrypts with (made at bootstrap, never in Git), and
 * `kube-root-ca.crt`, which Kubernetes puts in every namespace.
 */
export function objectProducers(applied: readonly KubeObject[], objects: readonly KubeObject[], namespaceOf: (object: KubeObject) => string | undefined, releases: readonly AppTemplateRelease[]): ObjectProducers {
  const exact = new Set<string>();
  const prefixes: { kind: ReferencedKind; namespace: string; prefix: string }[] = [];
  const hidden: { namespace: string; kinds: readonly ReferencedKind[]; object: KubeObject }[] = [];
  const key = (kind: ReferencedKind, namespace: string | undefined, name: string) => `${kind}/${namespace ?? ''}/${name}`;
  const add = (kind: ReferencedKind, namespace: string | undefined, name: unknown) => {
    if (typeof name === 'string' && name !== '') exact.add(key(kind, namespace, name));
  };
  const hide = (object: KubeObject, namespace: string | undefined, kinds: readonly ReferencedKind[] = ALL_KINDS) => hidden.push({ namespace: namespace ?? '', kinds, object });
  add('ConfigMap', ANYWHERE, 'kube-root-ca.crt');

  const appTemplates = new Map<KubeObject, { release: AppTemplateRelease; products: AppTemplateProducts }[]>();
  for (const release of releases) appTemplates.set(release.object, [...(appTemplates.get(release.object) ?? []), { release, products: appTemplateProducts(release) }]);

  for (const object of applied) {
    const namespace = namespaceOf(object);
    const group = apiGroup(object.apiVersion);
    const spec = asRecord(object.body.spec) ?? {};
    if (group === '' && (object.kind === 'ConfigMap' || object.kind === 'Secret' || object.kind === 'PersistentVolumeClaim')) {
      const annotations = asRecord(asRecord(object.body.metadata)?.annotations) ?? {};
      add(object.kind, MIRROR_ANNOTATIONS.some((annotation) => annotations[annotation] !== undefined) ? ANYWHERE : namespace, object.name);
    } else if (object.kind === 'ExternalSecret' && group === 'external-secrets.io') {
      const target = asRecord(spec.target) ?? {};
      if (target.creationPolicy !== 'Merge' && target.creationPolicy !== 'None') add('Secret', namespace, target.name ?? object.name);
    } else if (object.kind === 'ClusterExternalSecret' && group === 'external-secrets.io') {
      add('Secret', ANYWHERE, asRecord(asRecord(spec.externalSecretSpec)?.target)?.name ?? spec.externalSecretName ?? object.name);
    } else if (object.kind === 'Certificate' && group === 'cert-manager.io') {
      add('Secret', namespace, spec.secretName);
    } else if ((object.kind === 'Issuer' || object.kind === 'ClusterIssuer') && group === 'cert-manager.io') {
      add('Secret', object.kind === 'Issuer' ? namespace : ANYWHERE, asRecord(asRecord(spec.acme)?.privateKeySecretRef)?.name);
    } else if (object.kind === 'SealedSecret' || object.kind === 'OnePasswordItem') {
      add('Secret', namespace, asRecord(asRecord(spec.template)?.metadata)?.name ?? object.name);
    } else if ((object.kind === 'ClusterPolicy' || object.kind === 'Policy') && group === 'kyverno.io') {
      for (const rule of Array.isArray(spec.rules) ? spec.rules : []) {
        const generate = asRecord(asRecord(rule)?.generate);
        if ((generate?.kind === 'Secret' || generate?.kind === 'ConfigMap') && !isPlaceholder(generate.name)) add(generate.kind, ANYWHERE, generate.name);
      }
    } else if (object.kind === 'Kustomization' && group === 'kustomize.toolkit.fluxcd.io') {
      // The SOPS key cannot live in Git: it is made at bootstrap, and the Kustomization names it.
      add('Secret', namespace, asRecord(asRecord(spec.decryption)?.secretRef)?.name);
    } else if (object.kind === 'StatefulSet' && group === 'apps') {
      for (const template of Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []) {
        const name = asRecord(asRecord(template)?.metadata)?.name;
        if (typeof name === 'string') prefixes.push({ kind: 'PersistentVolumeClaim', namespace: namespace ?? '', prefix: `${name}-${object.name}-` });
      }
    }
    if (isHelmRelease(object)) {
      const target = typeof spec.targetNamespace === 'string' ? spec.targetNamespace : namespace;
      const charts = appTemplates.get(object);
      // Values from ConfigMaps or Secrets may add objects hctl does not read.
      if (!charts || charts.some(({ products }) => products.anything) || Array.isArray(spec.valuesFrom)) for (const at of new Set([namespace, target])) hide(object, at);
    } else if (PARTLY_HIDDEN_GROUPS.has(group)) hide(object, namespace, PARTLY_HIDDEN_GROUPS.get(group));
    else if (!TRANSPARENT_GROUPS.has(group)) hide(object, namespace);
  }

  // Argo CD renders charts and other repositories into its destinations; app-template sources are read.
  for (const app of argoAppSpecs(objects)) {
    const charts = appTemplates.get(app.object);
    const foreign = argoSources(app).some(({ source }) => {
      if (typeof source.chart === 'string') return !charts || charts.some(({ products }) => products.anything);
      if (source.path === undefined && typeof source.ref === 'string') return false; // a values-only source
      const path = typeof source.path === 'string' ? source.path.replace(/^\.?\/+/, '').replace(/\/+$/, '') : undefined;
      return path === undefined || isPlaceholder(path) || !objects.some((object) => object.source?.file.startsWith(`${path}/`));
    });
    const destination = asRecord(app.spec.destination)?.namespace;
    if (foreign) hide(app.object, typeof destination === 'string' && !isPlaceholder(destination) ? destination : ANYWHERE);
  }

  for (const [object, charts] of appTemplates) {
    for (const { release, products } of charts) {
      const namespace = release.namespace ?? namespaceOf(object) ?? '';
      for (const kind of products.prefixed) prefixes.push({ kind, namespace, prefix: release.fullname });
      for (const product of products.exact) {
        if (product.prefix) prefixes.push({ kind: product.kind, namespace, prefix: product.name });
        else add(product.kind, namespace, product.name);
      }
    }
  }

  return {
    produces: (kind, namespace, name) =>
      exact.has(key(kind, namespace, name)) ||
      exact.has(key(kind, ANYWHERE, name)) ||
      prefixes.some((entry) => entry.kind === kind && entry.namespace === (namespace ?? '') && (name === entry.prefix || name.startsWith(entry.prefix.endsWith('-') ? entry.prefix : `${entry.prefix}-`))),
    mayHide: (kind, namespace, except) => hidden.some((entry) => entry.object !== except && (entry.namespace === (namespace ?? '') || entry.namespace === ANYWHERE) && entry.kinds.includes(kind)),
  };
}
