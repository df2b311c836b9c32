import { closest } from '../text/closest.js';
import { HEALTH_RULES_BY_ID } from './health-index.js';
import { RULES_BY_ID } from './index.js';

/** Whether a check or health rule has this id. */
export function isKnownRule(id: string): boolean {
  return RULES_BY_ID.has(id) || HEALTH_RULES_BY_ID.has(id);
}

/** `unknown rule "x"`, with the id it most likely meant, and where the ids are listed. */
export function unknownRuleMessage(id: string): string {
  const suggestion = closest(id, [...RULES_BY_ID.keys(), ...HEALTH_RULES_BY_ID.keys()]);
  return `unknown rule "${id}"${suggestion ? `; did you mean ${suggestion}?` : ''} (hctl check --list-rules and hctl health --list-rules show them all)`;
}
