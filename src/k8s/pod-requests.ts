import { quantityBytes } from './byte-sizes.js';

/** CPU (cores) and memory (bytes) a pod asks the scheduler for. */
export interface Requests {
  cpu: number;
  memory: number;
}

type Container = { resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> }; restartPolicy?: string };

/**
 * What the scheduler counts for a pod, as kube-scheduler computes it: its containers and sidecars
 * (init containers with restartPolicy Always) together, or its largest regular init container if
 * that is more, plus the pod's overhead. A limit without a request is the request (the API server
 * defaults it so).
 */
export function podRequests(spec: { containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, unknown> } | undefined): Requests {
  const sum = (containers: Container[]) => containers.reduce((total, container) => add(total, containerRequests(container)), none());
  const sidecars = (spec?.initContainers ?? []).filter((container) => container.restartPolicy === 'Always');
  const running = add(sum(spec?.containers ?? []), sum(sidecars));
  let requests = running;
  for (const init of spec?.initContainers ?? []) {
    if (init.restartPolicy === 'Always') continue;
    const own = containerRequests(init);
    requests = { cpu: Math.max(requests.cpu, own.cpu), memory: Math.max(requests.memory, own.memory) };
  }
  return add(requests, { cpu: quantityBytes(spec?.overhead?.cpu) ?? 0, memory: quantityBytes(spec?.overhead?.memory) ?? 0 });
}

function containerRequests(container: Container): Requests {
  const of = (resource: 'cpu' | 'memory') => quantityBytes(container.resources?.requests?.[resource] ?? container.resources?.limits?.[resource]) ?? 0;
  return { cpu: of('cpu'), memory: of('memory') };
}

export function add(a: Requests, b: Requests): Requests {
  return { cpu: a.cpu + b.cpu, memory: a.memory + b.memory };
}

export function none(): Requests {
  return { cpu: 0, memory: 0 };
}
