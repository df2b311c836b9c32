import rule from '../../../src/rules/network/service-selector-no-pods.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n        tier: frontend\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
const service = (selector: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n${selector}  ports:\n    - port: 80\n`;

ruleTester(rule, {
  valid: [
    { files: { 'deploy.yaml': deployment, 'svc.yaml': service('    app: web\n    tier: frontend\n') } },
    { name: 'pods made by an operator are not in Git', files: { 'deploy.yaml': deployment, 'svc.yaml': service('    operator.prometheus.io/name: long-term\n') } },
  ],
  invalid: [
    { name: 'one label off', files: { 'deploy.yaml': deployment, 'svc.yaml': service('    app: web\n    tier: backend\n') }, errors: [{ line: 7, file: 'svc.yaml', message: 'tier=backend is not on the nearest one' }] },
  ],
});
