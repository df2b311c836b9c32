/**
 * What aliases can do to a parsed YAML value that Kubernetes' YAML reader (and Helm's) refuses:
 * an alias inside the anchor it names (`a: &a [*a]`) makes the value infinite — Go says "anchor
 * value contains itself" — and a few nested aliases can expand to billions of nodes (an alias
 * bomb). js-yaml and yaml share aliased nodes instead of copying them, so both show up here as
 * shared objects: a cycle, or more repeated visits than `maxAliases`.
 */
export type AliasTrouble = 'contains itself' | 'too many aliases';

export function aliasTrouble(value: unknown, maxAliases: number): AliasTrouble | undefined {
  const seen = new Set<object>();
  const ancestors = new Set<object>();
  let repeats = 0;
  const visit = (node: unknown): AliasTrouble | undefined => {
    if (node === null || typeof node !== 'object') return undefined;
    if (ancestors.has(node)) return 'contains itself';
    if (seen.has(node) && ++repeats > maxAliases) return 'too many aliases';
    seen.add(node);
    ancestors.add(node);
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      const trouble = visit(child);
      if (trouble) return trouble;
    }
    ancestors.delete(node);
    return undefined;
  };
  return visit(value);
}

/** Cheap test first: text without both an anchor and an alias has neither trouble. */
export function mayHoldAliases(text: string): boolean {
  return text.includes('&') && text.includes('*');
}
