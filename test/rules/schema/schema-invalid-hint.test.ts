import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/schema-invalid.js';
import { runRule } from '../../rule-tester.js';

const hintFor = (code: string) => {
  const findings = runRule(rule, { code });
  expect(findings).toHaveLength(1);
  return findings[0]!.hint;
};

describe('schema-invalid hints', () => {
  it('a near-miss of a field allowed here: did you mean', () => {
    expect(hintFor('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: a\nspec:\n  podSelector:\n    matchLoads: {}\n')).toMatch(/^Did you mean matchLabels\? Fields here: matchExpressions, matchLabels\.$/);
  });

  it('a field the schema declares elsewhere: where it belongs', () => {
    const volume = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n  volumes:\n    - name: data\n      claimName: data\n';
    expect(hintFor(volume)).toMatch(/^claimName belongs under spec\.volumes\[\]\.persistentVolumeClaim, not here\. Fields here: /);
    const helmRelease =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\nspec:\n  interval: 5m\n  chartRef:\n    kind: OCIRepository\n    name: a\n  retryInterval: 1m\n';
    expect(hintFor(helmRelease)).toMatch(/^retryInterval belongs under spec\.install\.strategy or spec\.upgrade\.strategy, not here\./);
  });

  it('a field the bundled CRD lacks everywhere: newer or a mistake, and how to settle it', () => {
    const hint = hintFor('apiVersion: cilium.io/v2\nkind: CiliumLocalRedirectPolicy\nmetadata:\n  name: a\nspec:\n  zzNewInALaterRelease: true\n  redirectFrontend:\n    serviceMatcher:\n      serviceName: kube-dns\n      namespace: kube-system\n  redirectBackend:\n    localEndpointSelector:\n      matchLabels:\n        k8s-app: node-local-dns\n    toPorts:\n      - port: "53"\n        protocol: UDP\n');
    expect(hint).toMatch(/^Either your cilium\.io release is newer than hctl's bundled schema, or the field is a mistake\. If it is a mistake, remove it; fields here: .*redirectBackend.*\. To settle it, commit the CRD, or save it from the cluster \(`hctl schemas pull -o DIR --group cilium\.io`\) and pass --schema-dir DIR\.$/);
  });

  it('a value outside an enum that is a near-miss of an allowed one: did you mean', () => {
    const certificate = (algorithm: string) => `apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\nspec:\n  secretName: web-tls\n  issuerRef:\n    name: letsencrypt\n  privateKey:\n    algorithm: ${algorithm}\n`;
    expect(hintFor(certificate('ecdsa'))).toBe('Did you mean "ECDSA"? Values are case-sensitive.');
    expect(hintFor(certificate('Ed2519'))).toBe('Did you mean "Ed25519"?');
    expect(hintFor(certificate('DSA'))).toBe('Use one of the allowed values.');
  });
});
