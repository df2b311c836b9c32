/**
 * One simple cycle per strongly connected component (Tarjan), starting at the component's
 * smallest key so the report is stable; a self-edge counts as a cycle.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const strongConnect = (key: string): void => {
    index.set(key, counter);
    low.set(key, counter);
    counter++;
    stack.push(key);
    onStack.add(key);
    for (const next of edges.get(key) ?? []) {
      if (!edges.has(next)) continue;
      if (!index.has(next)) {
        strongConnect(next);
        low.set(key, Math.min(low.get(key)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(key, Math.min(low.get(key)!, index.get(next)!));
      }
    }
    if (low.get(key) !== index.get(key)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== key);
    components.push(component);
  };
  for (const key of [...edges.keys()].sort()) if (!index.has(key)) strongConnect(key);
  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = [...members].sort()[0]!;
    if (members.size === 1 && !(edges.get(start) ?? []).includes(start)) continue;
    cycles.push(cycleThrough(start, members, edges));
  }
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A path from start back to start inside one component (breadth-first, so it is a shortest one). */
function cycleThrough(start: string, members: ReadonlySet<string>, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const key = queue.shift()!;
    for (const next of [...(edges.get(key) ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [key];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, key);
        queue.push(next);
      }
    }
  }
  return [start];
}
