import { apiValidationProblems } from '../../k8s/api-validation/index.js';
import { isNamedAsPatch, kustomizePatchFiles } from '../../repo/kustomize-patches.js';
import { apiGroup } from '../../repo/object.js';
import { fieldName } from '../../schema/validator.js';
import type { Rule } from '../rule.js';

export default {
  meta: {
    id: 'api-validation',
    domain: 'schema',
    severity: 'critical',
    title: "A value the API server's built-in validation refuses, though the OpenAPI schema allows it",
    source:
      'P2 (validate before push); kube-apiserver validation beyond the schema, which kubeconform and kubectl-validate do not run: names, label syntax, selectors that miss their pods, Job restart policies, volume mounts of no volume, requests above limits, CronJob schedules',
  },
  check(context) {
    // Kinds with a schema: other YAML with apiVersion and kind (kubeconfigs, tool configs) is not applied.
    const apiKinds = new Set<string>();
    for (const [object, result] of context.validation.results) if (result.status === 'validated') apiKinds.add(`${object.apiVersion} ${object.kind}`);
    const patchFiles = kustomizePatchFiles(context.objects);
    const reported = new Set<string>();
    for (const object of context.applied) {
      const group = apiGroup(object.apiVersion);
      if (group === 'kustomize.config.k8s.io' || !apiKinds.has(`${object.apiVersion} ${object.kind}`)) continue;
      // Patches are partial objects; what they do is judged in the objects they patch.
      const file = object.source?.file;
      if (file && (patchFiles.has(file) || isNamedAsPatch(file))) continue;
      for (const problem of apiValidationProblems(object)) {
        // One file may reach the cluster through several builds: report each place once.
        const id = `${file}#${object.source?.documentIndex} ${fieldName(problem.path)} ${problem.message}`;
        if (reported.has(id)) continue;
        reported.add(id);
        context.report({ object, path: problem.path, key: problem.key ?? false, message: problem.message, hint: problem.hint });
      }
    }
  },
} satisfies Rule;
