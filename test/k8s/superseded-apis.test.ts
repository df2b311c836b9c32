import { describe, expect, it } from 'vitest';
import { supersession } from '../../src/k8s/superseded-apis.js';

describe('supersession', () => {
  it('names what replaces an old version: Kubernetes (Pluto), Flux, External Secrets, Gateway API', () => {
    expect(supersession('extensions/v1beta1', 'Ingress')).toEqual({ replacement: 'networking.k8s.io/v1' });
    expect(supersession('helm.toolkit.fluxcd.io/v2beta1', 'HelmRelease')).toEqual({ replacement: 'helm.toolkit.fluxcd.io/v2' });
    expect(supersession('external-secrets.io/v1beta1', 'ExternalSecret')).toEqual({ replacement: 'external-secrets.io/v1' });
    expect(supersession('gateway.networking.k8s.io/v1beta1', 'Gateway')).toEqual({ replacement: 'gateway.networking.k8s.io/v1' });
  });

  it('says nothing of current versions and of kinds it does not know', () => {
    for (const [apiVersion, kind] of [
      ['networking.k8s.io/v1', 'Ingress'],
      ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
      ['gateway.networking.k8s.io/v1', 'HTTPRoute'],
      ['gateway.networking.k8s.io/v1alpha2', 'TCPRoute'],
      ['example.com/v1alpha1', 'Widget'],
    ]) {
      expect(supersession(apiVersion!, kind!), `${apiVersion} ${kind}`).toBeUndefined();
    }
  });
});
