import { apiGroup, type KubeObject } from '../repo/object.js';
import { asRecord, asStrings } from '../repo/parse.js';
import { matchBlock, or, and, type Maybe, type Subject } from './resource-filter.js';
import { wildcardMatch } from './wildcard.js';

/** A Kyverno PolicyException: which policies' rules it lifts, for which objects. */
export interface PolicyException {
  object: KubeObject;
  exceptions: { policyName: string; ruleNames: string[] }[];
  match: unknown;
  /** Conditions read the admission request, which is not in the repository. */
  conditional: boolean;
}

export function policyExceptions(objects: readonly KubeObject[]): PolicyException[] {
  const result: PolicyException[] = [];
  for (const object of objects) {
    if (object.kind !== 'PolicyException' || apiGroup(object.apiVersion) !== 'kyverno.io') continue;
    const spec = asRecord(object.body.spec) ?? {};
    const exceptions = (Array.isArray(spec.exceptions) ? spec.exceptions : []).map((entry) => {
      const record = asRecord(entry) ?? {};
      return { policyName: String(record.policyName ?? ''), ruleNames: asStrings(record.ruleNames) };
    });
    result.push({ object, exceptions, match: spec.match, conditional: spec.conditions !== undefined });
  }
  return result;
}

/** Whether some exception lifts rule `ruleName` of `policyName` for the subject. */
export function exempted(exceptions: readonly PolicyException[], policyName: string, ruleName: string, subject: Subject): Maybe {
  return or(
    ...exceptions
      .filter(({ exceptions: entries }) => entries.some((entry) => wildcardMatch(entry.policyName, policyName) && entry.ruleNames.some((name) => wildcardMatch(name, ruleName))))
      .map((exception) => and(matchBlock(exception.match, subject), exception.conditional ? 'unknown' : true)),
  );
}
