/** Kyverno's wildcards: `*` any run of characters (also none), `?` exactly one; nothing else is special. */
export function wildcardMatch(pattern: string, value: string): boolean {
  if (!hasWildcard(pattern)) return pattern === value;
  let compiled = cache.get(pattern);
  if (!compiled) {
    const source = [...pattern].map((char) => (char === '*' ? '[\\s\\S]*' : char === '?' ? '[\\s\\S]' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
    compiled = new RegExp(`^${source}$`, 'u');
    cache.set(pattern, compiled);
  }
  return compiled.test(value);
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

const cache = new Map<string, RegExp>();
