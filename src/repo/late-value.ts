/** Values filled in after Git — SOPS `ENC[…]`, Flux `${VAR}` substitutions, ApplicationSet `{{ … }}` templates. */
const LATE_VALUE = /^ENC\[|\$\{[^}]*\}|\{\{.*\}\}/;

/** A value that cannot be judged yet: it is known only once SOPS, Flux or Argo CD fills it in. */
export function isLateValue(value: unknown): boolean {
  return typeof value === 'string' && LATE_VALUE.test(value);
}
