import type pLimit from 'p-limit';
import { ApiError, type ApiClient } from './api-client.js';
import type { ClusterState, LiveObject, ReadOutcome } from './cluster-state.js';
import { servedVersion, type Discovery } from './discovery.js';
import { listAll } from './list-all.js';
import { ClusterUnavailable, isFatal, outcomeOf, unavailableMessage } from './read-cluster.js';
import { resourceType, type ResourceType } from './resources.js';
import { trimObject } from './trim-object.js';

/**
 * Reads what a deep dive needs — objects by name, lists in one namespace — instead of whole
 * kinds cluster-wide, and keeps them as a ClusterState, so health checks judge them unchanged.
 * A kind that is not installed, forbidden or failing is recorded, not fatal; a name that does not
 * exist is simply absent.
 */
export class TargetedReader {
  private readonly objects = new Map<string, Map<string, LiveObject>>();
  private readonly outcomes = new Map<string, ReadOutcome>();

  constructor(
    private readonly client: ApiClient,
    private readonly discovery: Discovery,
    private readonly limit: ReturnType<typeof pLimit>,
  ) {}

  /** One object by name; undefined when it does not exist or could not be read (recorded). */
  async get(kind: string, namespace: string | undefined, name: string): Promise<LiveObject | undefined> {
    const served = this.served(kind);
    if (!served) return undefined;
    const path = `${collectionPath(served.type, served.version, namespace)}/${encodeURIComponent(name)}`;
    try {
      const raw = await this.limit(() => this.client.getJson<Record<string, any>>(path));
      return this.keep(kind, [raw], served.apiVersion)[0];
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.keep(kind, [], served.apiVersion);
        return undefined;
      }
      this.fail(kind, error, `get ${served.type.plural} ${namespace ? `${namespace}/` : ''}${name}`);
      return undefined;
    }
  }

  /** Every object of a kind in a namespace (or cluster-wide), with optional selectors. */
  async list(kind: string, namespace: string | undefined, selectors: { fieldSelector?: string; labelSelector?: string } = {}): Promise<LiveObject[]> {
    const served = this.served(kind);
    if (!served) return [];
    try {
      const items = await this.limit(() => listAll(this.client, collectionPath(served.type, served.version, namespace), selectors));
      return this.keep(kind, items, served.apiVersion);
    } catch (error) {
      this.fail(kind, error, `list ${served.type.plural}${namespace ? ` in ${namespace}` : ''}`);
      return [];
    }
  }

  /** A plain-text GET (pod logs), through the same concurrency limit; errors are the caller's. */
  async text(path: string): Promise<string> {
    return this.limit(() => this.client.getText(path));
  }

  /** Records how a source that is not an object list (node stats) went. */
  record(source: string, outcome: ReadOutcome): void {
    this.outcomes.set(source, outcome);
  }

  /** What was read, as a state health checks can judge. */
  state(facts: Pick<ClusterState, 'takenAt' | 'context' | 'server' | 'serverVersion'>): ClusterState {
    const objects = new Map([...this.objects].map(([kind, byKey]) => [kind, [...byKey.values()]]));
    return { ...facts, apiGroups: this.discovery.groups, objects, reads: new Map(this.outcomes) };
  }

  private served(kind: string): { type: ResourceType; version: string; apiVersion: string } | undefined {
    const type = resourceType(kind);
    if (!type) throw new Error(`no resource type for ${kind}`);
    const version = servedVersion(this.discovery, type);
    if (!version) {
      if (!this.outcomes.has(kind)) this.outcomes.set(kind, { state: 'not-installed', message: `the API group ${type.group} is not served (not installed)` });
      return undefined;
    }
    return { type, version, apiVersion: type.group ? `${type.group}/${version}` : version };
  }

  private keep(kind: string, items: Record<string, any>[], apiVersion: string): LiveObject[] {
    const byKey = this.objects.get(kind) ?? new Map<string, LiveObject>();
    this.objects.set(kind, byKey);
    const kept = items.map((item) => trimObject(item, apiVersion, kind));
    for (const object of kept) byKey.set(`${object.metadata.namespace ?? ''}/${object.metadata.name}`, object);
    const previous = this.outcomes.get(kind);
    if (!previous || previous.state === 'read') this.outcomes.set(kind, { state: 'read', count: byKey.size });
    return kept;
  }

  private fail(kind: string, error: unknown, action: string): void {
    if (isFatal(error)) throw new ClusterUnavailable(unavailableMessage(this.client, error));
    this.outcomes.set(kind, outcomeOf(error, action));
  }
}

function collectionPath(type: ResourceType, version: string, namespace: string | undefined): string {
  const root = type.group ? `/apis/${type.group}/${version}` : `/api/${version}`;
  return namespace !== undefined && type.namespaced ? `${root}/namespaces/${encodeURIComponent(namespace)}/${type.plural}` : `${root}/${type.plural}`;
}
