import rule from '../../../src/rules/network/netpol-init-install-blocked.js';
import { ruleTester } from '../../rule-tester.js';

const denyAll = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny-all\n  namespace: store\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const https = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-web-egress\n  namespace: store\nspec:\n  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - ports:\n        - port: 443\n        - port: 80\n';
const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: platform-store\n  namespace: store\nspec:\n  selector:\n    matchLabels:\n      app: store\n  template:\n    metadata:\n      labels:\n        app: store\n    spec:\n      initContainers:\n        - name: deps\n          image: python:3.12-slim\n          command: ["sh", "-c", "pip install -r /app/requirements.txt --target /deps"]\n      containers:\n        - name: app\n          image: python:3.12-slim\n';

ruleTester(rule, {
  valid: [
    { name: '80/443 egress allowed', files: { 'deny.yaml': denyAll, 'web.yaml': https, 'deploy.yaml': deployment } },
    { name: 'no egress deny', files: { 'deploy.yaml': deployment } },
  ],
  invalid: [{ files: { 'deny.yaml': denyAll, 'deploy.yaml': deployment }, errors: [{ line: 18, file: 'deploy.yaml', message: 'init container deps installs packages (pip install)' }] }],
});
