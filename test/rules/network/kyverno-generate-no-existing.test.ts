import rule from '../../../src/rules/network/kyverno-generate-no-existing.js';
import { ruleTester } from '../../rule-tester.js';

const policy = (spec: string, generate: string) =>
  `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: generate-default-deny-netpol\nspec:\n${spec}  rules:\n    - name: generate-default-deny\n      match:\n        any:\n          - resources:\n              kinds:\n                - Namespace\n      generate:\n        synchronize: true\n        apiVersion: networking.k8s.io/v1\n        kind: NetworkPolicy\n        name: default-deny-all\n        namespace: "{{request.object.metadata.name}}"\n${generate}`;
const data = '        data:\n          spec:\n            podSelector: {}\n            policyTypes: [Ingress, Egress]\n';

ruleTester(rule, {
  valid: [
    { name: 'generateExisting on the policy (gitops_homelab today)', code: policy('  generateExisting: true\n', data) },
    { name: 'generateExisting on the rule', code: policy('', `${data}        generateExisting: true\n`) },
    { name: 'downstream kept when the policy goes', code: policy('', `${data}        orphanDownstreamOnPolicyDelete: true\n`) },
    { name: 'a clone outlives its policy', code: policy('', '        clone:\n          namespace: default\n          name: regcred\n') },
  ],
  invalid: [
    {
      name: 'synchronized data without generateExisting',
      code: policy('', data),
      errors: [{ line: 14, message: 'generate rule generate-default-deny synchronizes NetworkPolicy default-deny-all without generateExisting: deleting or replacing the policy deletes every NetworkPolicy default-deny-all it generated, and the new policy creates them only for Namespaces created afterwards' }],
    },
  ],
});
