import { podTemplateOf } from '../../k8s/pod-templates.js';
import type { Rule } from '../rule.js';
import { asRecord } from '../../repo/parse.js';

const INJECT = 'vault.hashicorp.com/agent-inject';
const PRE_POPULATE_ONLY = 'vault.hashicorp.com/agent-pre-populate-only';

const isTrue = (value: unknown) => value === true || value === 'true';

export default {
  meta: {
    id: 'vault-agent-job-sidecar',
    domain: 'secrets',
    severity: 'critical',
    title: 'A Job or CronJob with a vault-agent sidecar that never exits',
    source: 'S7; seed 000 (CronJobs MUST use vault-agent injection); platform-lab "vault-agent sidecar preventing pod completion"',
  },
  check(context) {
    for (const object of context.objects) {
      if (object.kind !== 'Job' && object.kind !== 'CronJob') continue;
      const template = podTemplateOf(object);
      const annotations = asRecord(template?.metadata?.annotations);
      if (!template || !annotations || !isTrue(annotations[INJECT]) || isTrue(annotations[PRE_POPULATE_ONLY])) continue;
      context.report({
        object,
        path: [...template.metadataPath, 'annotations', INJECT],
        key: true,
        message: `injects the vault-agent sidecar without ${PRE_POPULATE_ONLY}: the sidecar keeps running and the Job never completes`,
        hint: `Add the annotation ${PRE_POPULATE_ONLY}: "true" next to ${INJECT}.`,
      });
    }
  },
} satisfies Rule;
