import { getIn } from '../../k8s/pod-templates.js';
import { apiGroup, documentKey } from '../../repo/object.js';
import { asRecord } from '../../repo/parse.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-hpa-replicas-drift',
    domain: 'argocd',
    severity: 'warning',
    title: 'An HPA-scaled Deployment with spec.replicas that Argo CD keeps resetting',
    source: 'A10; seed 002 incident "Resource Externally Modified" (HPA-managed replicas need ignoreDifferences /spec/replicas)',
  },
  check(context) {
    // Two Applications may deploy the same directory: one finding per object is enough.
    const reported = new Set<string>();
    for (const { app, objects } of context.argoBuilds) {
      const scaled = new Set(
        objects
          .filter((object) => object.kind === 'HorizontalPodAutoscaler' && apiGroup(object.apiVersion) === 'autoscaling')
          .map((hpa) => `${hpa.namespace ?? ''}/${String(getIn(hpa.body, ['spec', 'scaleTargetRef', 'kind']))}/${String(getIn(hpa.body, ['spec', 'scaleTargetRef', 'name']))}`),
      );
      const ignored = (Array.isArray(app.spec.ignoreDifferences) ? app.spec.ignoreDifferences : []).some((entry) => {
        const record = asRecord(entry) ?? {};
        const pointers = [...(Array.isArray(record.jsonPointers) ? record.jsonPointers : []), ...(Array.isArray(record.jqPathExpressions) ? record.jqPathExpressions : [])].map(String);
        return (record.kind === undefined || record.kind === 'Deployment') && pointers.some((pointer) => pointer === '/spec/replicas' || pointer === '.spec.replicas');
      });
      if (ignored) continue;
      for (const object of objects) {
        if (object.kind !== 'Deployment' || apiGroup(object.apiVersion) !== 'apps' || getIn(object.body, ['spec', 'replicas']) === undefined) continue;
        if (!scaled.has(`${object.namespace ?? ''}/Deployment/${object.name}`)) continue;
        if (reported.has(documentKey(object))) continue;
        reported.add(documentKey(object));
        context.report({
          object,
          path: ['spec', 'replicas'],
          message: `an HPA scales this Deployment, but it sets spec.replicas and Application ${app.object.name} has no ignoreDifferences on /spec/replicas: Argo CD resets the HPA's choice on every sync`,
          hint: 'Remove spec.replicas, or add to the Application: `ignoreDifferences: [{group: apps, kind: Deployment, jsonPointers: [/spec/replicas]}]`.',
        });
      }
    }
  },
} satisfies Rule;
