/** A status condition as Kubernetes and most controllers write it. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

export function conditionsOf(status: unknown): Condition[] {
  const conditions = (status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? conditions.filter((c): c is Condition => typeof c?.type === 'string') : [];
}

export function conditionOf(status: unknown, type: string): Condition | undefined {
  return conditionsOf(status).find((condition) => condition.type === type);
}

/** `reason: message`, trimmed to one line, for finding messages. */
export function describeCondition(condition: Condition): string {
  const message = (condition.message ?? '').split('\n')[0]!.trim();
  const short = message.length > 200 ? `${message.slice(0, 197)}...` : message;
  return [condition.reason, short].filter(Boolean).join(': ') || `${condition.type}=${condition.status}`;
}
