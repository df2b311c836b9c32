import rule from '../../../src/rules/network/ingress-tls-no-certificate.js';
import { ruleTester } from '../../rule-tester.js';

const ingress = (annotations = '') => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: grafana\n  namespace: monitoring\n${annotations}spec:\n  tls:\n    - hosts: [grafana.example.com]\n      secretName: grafana-tls\n  rules:\n    - host: grafana.example.com\n`;
const certificate = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  secretName: grafana-tls\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer\n  dnsNames: [grafana.example.com]\n';

ruleTester(rule, {
  valid: [
    { name: 'a cert-manager annotation', code: ingress('  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n') },
    { name: 'a Certificate makes the Secret', files: { 'ingress.yaml': ingress(), 'cert.yaml': certificate } },
  ],
  invalid: [{ code: ingress(), errors: [{ line: 9, column: 19, message: 'TLS Secret grafana-tls comes from no Certificate or Secret in the repo' }] }],
});
