import rule from '../../../src/rules/argocd/argocd-project-missing.js';
import { ruleTester } from '../../rule-tester.js';

const project = 'apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: platform\n  namespace: argocd\nspec:\n  sourceRepos: ["*"]\n';
const app = (name: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: loki\n  namespace: argocd\nspec:\n  project: ${name}\n`;

ruleTester(rule, {
  valid: [
    { files: { 'project.yaml': project, 'app.yaml': app('platform') } },
    { name: 'the default project always exists', files: { 'project.yaml': project, 'app.yaml': app('default') } },
    { name: 'a repo without AppProjects gets them from elsewhere', files: { 'app.yaml': app('platform') } },
  ],
  invalid: [{ files: { 'project.yaml': project, 'app.yaml': app('platfrom') }, errors: [{ line: 7, column: 12, file: 'app.yaml', message: 'project platfrom is not an AppProject in the repo (it defines platform)' }] }],
});
