import { apiGroup, type KubeObject } from '../repo/object.js';

export const isFluxKustomization = (object: KubeObject) =>
  object.kind === 'Kustomization' && apiGroup(object.apiVersion) === 'kustomize.toolkit.fluxcd.io';

export const isHelmRelease = (object: KubeObject) =>
  object.kind === 'HelmRelease' && apiGroup(object.apiVersion) === 'helm.toolkit.fluxcd.io';

export const isArgoApplication = (object: KubeObject) =>
  object.kind === 'Application' && apiGroup(object.apiVersion) === 'argoproj.io';

export const isArgoApplicationSet = (object: KubeObject) =>
  object.kind === 'ApplicationSet' && apiGroup(object.apiVersion) === 'argoproj.io';

export const isNetworkPolicy = (object: KubeObject) =>
  object.kind === 'NetworkPolicy' && object.apiVersion === 'networking.k8s.io/v1';
