import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadFiles } from '../../src/repo/load.js';

// Bad input never crashes the tool: every rule runs over documents whose fields have the wrong type.
const KINDS = [
  ['apps/v1', 'Deployment'],
  ['batch/v1', 'CronJob'],
  ['batch/v1', 'Job'],
  ['v1', 'Pod'],
  ['v1', 'Secret'],
  ['v1', 'ConfigMap'],
  ['v1', 'Service'],
  ['v1', 'Namespace'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['cilium.io/v2', 'CiliumNetworkPolicy'],
  ['kyverno.io/v1', 'ClusterPolicy'],
  ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
  ['kustomize.toolkit.fluxcd.io/v1', 'Kustomization'],
  ['argoproj.io/v1alpha1', 'Application'],
  ['argoproj.io/v1alpha1', 'ApplicationSet'],
  ['external-secrets.io/v1beta1', 'ExternalSecret'],
];
const ODD_VALUES = ['null', '"text"', '42', '[]', '[1, "a", null]', '{}', '{spec: [], template: 7, containers: {a: 1}}'];

describe('rules on oddly shaped documents', () => {
  it('produce findings or nothing, but never throw', () => {
    const documents: string[] = [];
    for (const [apiVersion, kind] of KINDS) {
      for (const odd of ODD_VALUES) {
        documents.push(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: ${odd}\nspec: ${odd}\ndata: ${odd}\nstringData: ${odd}\n`);
        documents.push(
          `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n  namespace: y\n  labels: ${odd}\nspec:\n  podSelector: ${odd}\n  egress: ${odd}\n  ingress:\n    - ${odd}\n  values: ${odd}\n  chart: ${odd}\n  syncPolicy: ${odd}\n  source: ${odd}\n  sources: ${odd}\n  dependsOn: ${odd}\n  template:\n    metadata: ${odd}\n    spec:\n      containers: ${odd}\n      initContainers:\n        - ${odd}\n  jobTemplate: ${odd}\n`,
        );
      }
    }
    const repo = loadFiles({ 'odd.yaml': documents.join('---\n') });
    expect(repo.objects.length).toBe(KINDS.length * ODD_VALUES.length * 2);
    expect(() => runRules(repo, { config: defaultConfig(), root: '.' })).not.toThrow();
  });
});
