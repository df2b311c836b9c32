import { asRecord } from '../repo/parse.js';

/** Whether a label selector (matchLabels and matchExpressions, or a plain map) selects `labels`. */
export function selects(selector: unknown, labels: Record<string, unknown>): boolean {
  const record = asRecord(selector);
  if (!record) return false;
  const plain = !('matchLabels' in record) && !('matchExpressions' in record);
  const matchLabels = (plain ? record : asRecord(record.matchLabels)) ?? {};
  for (const [key, value] of Object.entries(matchLabels)) if (String(labels[key]) !== String(value)) return false;
  for (const expression of Array.isArray(record.matchExpressions) ? record.matchExpressions : []) {
    const { key, operator, values } = (asRecord(expression) ?? {}) as { key?: string; operator?: string; values?: unknown[] };
    const present = key !== undefined && key in labels;
    const among = Array.isArray(values) && values.map(String).includes(String(labels[key ?? '']));
    if (operator === 'In' && !(present && among)) return false;
    if (operator === 'NotIn' && present && among) return false;
    if (operator === 'Exists' && !present) return false;
    if (operator === 'DoesNotExist' && present) return false;
  }
  return true;
}
