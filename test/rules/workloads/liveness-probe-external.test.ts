import rule from '../../../src/rules/workloads/liveness-probe-external.js';
import { ruleTester } from '../../rule-tester.js';

const deployment = (probe: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: grafana\n  namespace: monitoring\nspec:\n  selector:\n    matchLabels:\n      app: grafana\n  template:\n    metadata:\n      labels:\n        app: grafana\n    spec:\n      containers:\n        - name: grafana\n          image: grafana/grafana:11.4.0\n${probe}`;
const http = (host: string) => `          livenessProbe:\n            httpGet:\n${host}              path: /api/health\n              port: 3000\n`;
const exec = (command: string) => `          livenessProbe:\n            exec:\n              command: ${command}\n`;

ruleTester(rule, {
  valid: [
    { name: 'the container itself', code: deployment(http('')) },
    { name: 'localhost', code: deployment(http('              host: localhost\n')) },
    { name: 'the pod IP from the downward API', code: deployment(http('              host: $(POD_IP)\n')) },
    { name: 'curl against loopback', code: deployment(exec('["sh", "-c", "curl -fsS http://127.0.0.1:3000/api/health"]')) },
    { name: 'an exec probe that fetches nothing', code: deployment(exec('["cat", "/tmp/healthy"]')) },
    { name: 'a readiness probe may check a dependency', code: deployment('          readinessProbe:\n            httpGet:\n              host: postgres.db.svc\n              path: /\n              port: 5432\n') },
  ],
  invalid: [
    {
      name: 'httpGet.host names a dependency',
      code: deployment(http('              host: postgres.database.svc.cluster.local\n')),
      errors: [{ line: 20, message: 'the liveness probe of container grafana checks postgres.database.svc.cluster.local, not the container itself' }],
    },
    { name: 'tcpSocket.host', code: deployment('          livenessProbe:\n            tcpSocket:\n              host: redis\n              port: 6379\n'), errors: [{ line: 20, message: 'checks redis,' }] },
    { name: 'curl against another service', code: deployment(exec('["sh", "-c", "curl -fsS http://keycloak.auth:8080/health/ready"]')), errors: [{ line: 20, message: 'checks keycloak.auth,' }] },
  ],
});
