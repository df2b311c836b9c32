import { argoApplications, generatedSuffix } from '../../argocd/argo-applications.js';
import { isPlaceholder } from '../../k8s/argo-apps.js';
import { apiGroup } from '../../repo/object.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'argocd-project-missing',
    domain: 'argocd',
    severity: 'critical',
    title: 'An Argo CD Application in an AppProject the repo does not define',
    source: 'Part 3 of the check (issue #4): "AppProject exists"; gitops_homelab defines its AppProjects in Git',
  },
  check(context) {
    const projects = new Set(context.applied.filter((object) => object.kind === 'AppProject' && apiGroup(object.apiVersion) === 'argoproj.io').map((object) => object.name));
    // Projects may come from the argo-cd Helm chart's values; only a repo that defines some is judged.
    if (projects.size === 0) return;
    for (const app of argoApplications(context.applied, context.repository)) {
      const project = app.spec.project;
      if (typeof project !== 'string' || project === 'default' || isPlaceholder(project) || projects.has(project)) continue;
      context.report({
        object: app.object,
        path: [...app.specPath, 'project'],
        message: `project ${project} is not an AppProject in the repo (it defines ${[...projects].slice(0, 5).join(', ')})${generatedSuffix(app)}: Argo CD refuses to sync the app`,
        hint: 'Fix the project name, or add the AppProject.',
      });
    }
  },
} satisfies Rule;
