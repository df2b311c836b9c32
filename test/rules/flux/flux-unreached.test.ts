import rule from '../../../src/rules/flux/flux-unreached.js';
import { ruleTester } from '../../rule-tester.js';
import { ks } from './flux-graph-fixtures.js';

const bootstrapRepo = (extra: Record<string, string> = {}) => ({
  'clusters/home/flux-system/gotk-sync.yaml': ks('flux-system', './clusters/home'),
  'clusters/home/apps.yaml': ks('apps', './apps'),
  'apps/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: default\n',
  ...extra,
});

ruleTester(rule, {
  valid: [{ files: bootstrapRepo() }],
  invalid: [
    {
      name: 'a Kustomization file that nothing under flux-system includes',
      files: bootstrapRepo({ 'old/ks.yaml': ks('legacy', './old/app'), 'old/app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: legacy\n' }),
      errors: [{ line: 1, file: 'old/ks.yaml', severity: 'info', message: 'nothing includes its file' }],
    },
  ],
});
