import rule from '../../../src/rules/network/netpol-egress-no-dns.js';
import { ruleTester } from '../../rule-tester.js';

const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: taskapp\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const dns = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-dns\n  namespace: taskapp\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n      ports:\n        - port: 53\n          protocol: UDP\n';
const ciliumDns = 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: dns\n  namespace: taskapp\nspec:\n  endpointSelector: {}\n  egress:\n    - toEndpoints:\n        - matchLabels:\n            k8s:io.kubernetes.pod.namespace: kube-system\n      toPorts:\n        - ports:\n            - port: "53"\n              protocol: ANY\n';

ruleTester(rule, {
  valid: [
    { name: 'a NetworkPolicy allowing 53', files: { 'deny.yaml': denyAll, 'dns.yaml': dns } },
    { name: 'a Cilium policy allowing 53', files: { 'deny.yaml': denyAll, 'dns.yaml': ciliumDns } },
    { name: 'ingress-only deny', code: denyAll.replace('[Ingress, Egress]', '[Ingress]') },
  ],
  invalid: [{ files: { 'deny.yaml': denyAll }, errors: [{ line: 1, file: 'deny.yaml', severity: 'critical', message: 'default-deny-all denies egress in taskapp, and no policy there allows DNS' }] }],
});
