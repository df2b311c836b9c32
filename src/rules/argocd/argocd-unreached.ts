import { argoAppSpecs } from '../../k8s/argo-apps.js';
import { isArgoApplication, isArgoApplicationSet } from '../../k8s/kinds.js';
import { documentKey as at, type KubeObject } from '../../repo/object.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-unreached',
    domain: 'argocd',
    severity: 'info',
    title: 'An Argo CD Application that the repo’s app of apps does not reach',
    source: 'Part 3 of the check (issue #4): "every Argo CD Application reached", app-of-apps',
  },
  check(context) {
    // Which Applications (and ApplicationSets) another Application deploys from its source path, by
    // where they are written: a kustomize-built app of apps hands back copies of the documents.
    const deployedBy = new Map<string, KubeObject>();
    for (const { app, objects } of context.argoBuilds) {
      for (const object of objects) {
        if ((isArgoApplication(object) || isArgoApplicationSet(object)) && at(object) !== at(app.object) && !deployedBy.has(at(object))) deployedBy.set(at(object), app.object);
      }
    }
    const apps = argoAppSpecs(context.objects).map((app) => app.object);
    const parents = new Set(deployedBy.values());
    // Roots of app-of-apps trees: they deploy Applications and nothing deploys them.
    const roots = apps.filter((app) => parents.has(app) && !deployedBy.has(at(app)));
    if (roots.length === 0) return;
    const rootNames = roots.map((root) => root.name).join(', ');
    for (const app of apps) {
      if (deployedBy.has(at(app)) || parents.has(app)) continue;
      context.report({
        object: app,
        message: `no other Application deploys this one and the app of apps (${rootNames}) does not reach it: it exists only where someone applied it by hand`,
        hint: `Move the file under the path of ${roots[0]!.name}, so a cluster rebuild gets it too, or delete it if it is a leftover copy.`,
      });
    }
  },
} satisfies Rule;
