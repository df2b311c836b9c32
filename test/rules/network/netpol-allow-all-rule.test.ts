import rule from '../../../src/rules/network/netpol-allow-all-rule.js';
import { ruleTester } from '../../rule-tester.js';

const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: taskapp\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const allowAndDns = (egress: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-ingress-and-dns\n  namespace: taskapp\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n${egress}`;

ruleTester(rule, {
  valid: [
    allowAndDns('    - ports:\n        - port: 53\n          protocol: UDP\n'),
    { name: "Flux's own allow-egress", code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-egress\n  namespace: flux-system\nspec:\n  podSelector: {}\n  egress:\n    - {}\n  policyTypes: [Egress]\n' },
  ],
  invalid: [
    {
      name: 'the platform-lab incident: a bare egress rule beside default-deny-all',
      files: { 'deny.yaml': denyAll, 'allow.yaml': allowAndDns('    - ports:\n        - port: 53\n          protocol: UDP\n    - {}\n') },
      errors: [{ line: 13, file: 'allow.yaml', severity: 'critical', message: 'defeating the default-deny (default-deny-all) in taskapp' }],
    },
    {
      name: 'without a default-deny it is a warning',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-all\n  namespace: api\nspec:\n  podSelector:\n    matchLabels:\n      app: api\n  ingress:\n    - {}\n',
      errors: [{ line: 11, severity: 'warning', message: 'ingress rule {} allows all inbound traffic' }],
    },
  ],
});
