/** `over` merged into `base`: mappings merged key by key, anything else (lists, scalars) replaced, as Helm merges values. Neither is changed. */
export function deepMerge<T extends object>(base: T, over: object): T {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(over)) merged[key] = isMapping(value) && isMapping(merged[key]) ? deepMerge(merged[key], value) : value;
  return merged as T;
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
