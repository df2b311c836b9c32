import type { Rule } from './rule.js';
import argocdChartUnpinned from './argocd/argocd-chart-unpinned.js';
import argocdHpaReplicasDrift from './argocd/argocd-hpa-replicas-drift.js';
import argocdInfiniteRetry from './argocd/argocd-infinite-retry.js';
import argocdJobImmutable from './argocd/argocd-job-immutable.js';
import argocdApplyTooLarge from './argocd/argocd-apply-too-large.js';
import argocdNoSelfheal from './argocd/argocd-no-selfheal.js';
import argocdAppsetGeneratorEmpty from './argocd/argocd-appset-generator-empty.js';
import argocdNamespaceMissing from './argocd/argocd-namespace-missing.js';
import argocdPathMissing from './argocd/argocd-path-missing.js';
import argocdUnreached from './argocd/argocd-unreached.js';
import argocdProjectMissing from './argocd/argocd-project-missing.js';
import suppressionExpired from './config/suppression-expired.js';
import gitignoredReference from './render/gitignored-reference.js';
import suppressionInvalid from './config/suppression-invalid.js';
import fluxCrdOrder from './flux/flux-crd-order.js';
import fluxDependencyCycle from './flux/flux-dependency-cycle.js';
import fluxDependencyMissing from './flux/flux-dependency-missing.js';
import fluxDeprecatedApi from './flux/flux-deprecated-api.js';
import fluxDuplicateObject from './flux/flux-duplicate-object.js';
import fluxHelmreleaseChartVersion from './flux/flux-helmrelease-chart-version.js';
import fluxHelmreleaseInfiniteRetries from './flux/flux-helmrelease-infinite-retries.js';
import fluxKustomizationNoWait from './flux/flux-kustomization-no-wait.js';
import fluxNamespaceMissing from './flux/flux-namespace-missing.js';
import fluxNamespaceUnset from './flux/flux-namespace-unset.js';
import fluxPathMissing from './flux/flux-path-missing.js';
import fluxPostbuildUndefined from './flux/flux-postbuild-undefined.js';
import fluxSopsNoDecryption from './flux/flux-sops-no-decryption.js';
import fluxSourceMissing from './flux/flux-source-missing.js';
import fluxUnreached from './flux/flux-unreached.js';
import netpolAllowAllRule from './network/netpol-allow-all-rule.js';
import gatewayRouteNoParent from './network/gateway-route-no-parent.js';
import ingressTlsNoCertificate from './network/ingress-tls-no-certificate.js';
import netpolEgressNoDns from './network/netpol-egress-no-dns.js';
import netpolEgressNoKubeApi from './network/netpol-egress-no-kube-api.js';
import netpolInitInstallBlocked from './network/netpol-init-install-blocked.js';
import netpolMissingDefaultDeny from './network/netpol-missing-default-deny.js';
import kyvernoGenerateNoExisting from './network/kyverno-generate-no-existing.js';
import admissionPolicyViolation from './policy/admission-policy-violation.js';
import kyvernoPolicyViolation from './policy/kyverno-policy-violation.js';
import podSecurityAdmission from './policy/pod-security-admission.js';
import serviceSelectorNoPods from './network/service-selector-no-pods.js';
import serviceTargetPortMissing from './network/service-target-port-missing.js';
import routeBackendPortMissing from './network/route-backend-port-missing.js';
import monitoringUiExposed from './network/monitoring-ui-exposed.js';
import fileSkipped from './repo/file-skipped.js';
import kustomizeBuildError from './render/kustomize-build-error.js';
import renderUnverified from './render/render-unverified.js';
import deprecatedApi from './schema/deprecated-api.js';
import schemaInvalid from './schema/schema-invalid.js';
import apiValidation from './schema/api-validation.js';
import immutableFieldChanged from './schema/immutable-field-changed.js';
import pruneDeletesData from './workloads/prune-deletes-data.js';
import schemaUnknown from './schema/schema-unknown.js';
import templatedFile from './repo/templated-file.js';
import esoDeprecatedApi from './secrets/eso-deprecated-api.js';
import secretPlaintext from './secrets/secret-plaintext.js';
import vaultAgentJobSidecar from './secrets/vault-agent-job-sidecar.js';
import imageUnpinned from './workloads/image-unpinned.js';
import referenceMissing from './workloads/reference-missing.js';
import workloadNoPdb from './workloads/workload-no-pdb.js';
import pdbBlocksEviction from './workloads/pdb-blocks-eviction.js';
import hpaMissingRequests from './workloads/hpa-missing-requests.js';
import workloadRwoRollingUpdate from './workloads/workload-rwo-rolling-update.js';
import workloadVolumeNodeConflict from './workloads/workload-volume-node-conflict.js';
import workloadResources from './workloads/workload-resources.js';
import vpaHpaConflict from './workloads/vpa-hpa-conflict.js';
import livenessProbeExternal from './workloads/liveness-probe-external.js';
import prometheusRetentionExceedsVolume from './workloads/prometheus-retention-exceeds-volume.js';
import yamlDuplicateKey from './yaml/yaml-duplicate-key.js';
import yamlNonStringValue from './yaml/yaml-non-string-value.js';
import yamlKustomizeBoolean from './yaml/yaml-kustomize-boolean.js';
import yamlSyntax from './yaml/yaml-syntax.js';

/** Every rule hctl knows, in the order --list-rules shows them. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlNonStringValue,
  yamlKustomizeBoolean,
  fileSkipped,
  templatedFile,
  schemaInvalid,
  apiValidation,
  immutableFieldChanged,
  pruneDeletesData,
  schemaUnknown,
  deprecatedApi,
  kustomizeBuildError,
  gitignoredReference,
  renderUnverified,
  secretPlaintext,
  esoDeprecatedApi,
  vaultAgentJobSidecar,
  fluxHelmreleaseInfiniteRetries,
  fluxKustomizationNoWait,
  fluxHelmreleaseChartVersion,
  fluxDeprecatedApi,
  fluxPathMissing,
  fluxDependencyMissing,
  fluxDependencyCycle,
  fluxCrdOrder,
  fluxSourceMissing,
  fluxDuplicateObject,
  fluxNamespaceUnset,
  fluxNamespaceMissing,
  fluxSopsNoDecryption,
  fluxPostbuildUndefined,
  fluxUnreached,
  argocdChartUnpinned,
  argocdInfiniteRetry,
  argocdNoSelfheal,
  argocdProjectMissing,
  argocdPathMissing,
  argocdAppsetGeneratorEmpty,
  argocdNamespaceMissing,
  argocdUnreached,
  argocdHpaReplicasDrift,
  argocdJobImmutable,
  argocdApplyTooLarge,
  netpolMissingDefaultDeny,
  netpolAllowAllRule,
  netpolEgressNoDns,
  netpolEgressNoKubeApi,
  netpolInitInstallBlocked,
  kyvernoGenerateNoExisting,
  serviceSelectorNoPods,
  serviceTargetPortMissing,
  routeBackendPortMissing,
  monitoringUiExposed,
  gatewayRouteNoParent,
  ingressTlsNoCertificate,
  workloadResources,
  imageUnpinned,
  workloadRwoRollingUpdate,
  workloadVolumeNodeConflict,
  workloadNoPdb,
  pdbBlocksEviction,
  hpaMissingRequests,
  vpaHpaConflict,
  livenessProbeExternal,
  prometheusRetentionExceedsVolume,
  referenceMissing,
  kyvernoPolicyViolation,
  admissionPolicyViolation,
  podSecurityAdmission,
  suppressionInvalid,
  suppressionExpired,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
