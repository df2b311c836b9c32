import type { HealthRule } from '../health-rule.js';

const DEFAULT_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

export default {
  meta: {
    id: 'storageclass-default',
    domain: 'storage',
    severity: 'warning',
    title: 'No default StorageClass, or more than one',
    source: 'seed 003 storage-health-check.ts (default class); seed 001 (local-path and Longhorn both default after install)',
  },
  reads: ['StorageClass'],
  check(context) {
    const classes = context.list('StorageClass');
    if (classes.length === 0) return;
    const defaults = classes.filter((c) => DEFAULT_ANNOTATIONS.some((annotation) => c.metadata.annotations?.[annotation] === 'true'));
    if (defaults.length === 1) return;
    if (defaults.length === 0) {
      context.report({
        resource: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' },
        message: `none of the ${classes.length} StorageClasses (${classes.map((c) => c.metadata.name).join(', ')}) is the default: claims without storageClassName stay Pending`,
        hint: 'kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true (or set it in Git).',
      });
      return;
    }
    for (const storageClass of defaults) {
      context.report({
        object: storageClass,
        message: `is one of ${defaults.length} default StorageClasses (${defaults.map((c) => c.metadata.name).join(', ')}): new claims get whichever was created last`,
        hint: 'Keep one default: set storageclass.kubernetes.io/is-default-class to "false" on the others (k3s: --disable local-storage).',
      });
    }
  },
} satisfies HealthRule;
