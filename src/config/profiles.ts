/** Per-rule settings a profile applies before `.hctl.yaml`'s own `rules:` entries. */
export type RuleSettings = Record<string, string | number | boolean>;

export interface Profile {
  description: string;
  rules: Record<string, RuleSettings>;
}

/** The seeds disagree on CPU limits; each position is a profile. */
export const PROFILES: Record<string, Profile> = {
  default: {
    description: 'Requests and memory limits required; CPU limits left to you.',
    rules: {},
  },
  'cpu-limits': {
    description: 'Seed 000 and Kyverno require-resource-limits: CPU limits required too.',
    rules: { 'workload-resources': { cpuLimit: 'require' } },
  },
  'no-cpu-limits': {
    description: 'Seed 003 golden rules: never set CPU limits (they throttle); memory limits only.',
    rules: { 'workload-resources': { cpuLimit: 'forbid' } },
  },
};
