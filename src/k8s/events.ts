import type { LiveObject } from '../cluster/cluster-state.js';

/** What an event is about: `involvedObject` (core/v1) or `regarding` (events.k8s.io/v1). */
export function involvedObjectOf(event: LiveObject): { apiVersion?: string; kind?: string; namespace?: string; name?: string } | undefined {
  return (event.involvedObject ?? event.regarding) as { apiVersion?: string; kind?: string; namespace?: string; name?: string } | undefined;
}

/** The events about one object. */
export function eventsAbout(object: Pick<LiveObject, 'kind' | 'metadata'>, events: readonly LiveObject[]): LiveObject[] {
  return events.filter((event) => {
    const involved = involvedObjectOf(event);
    return involved?.kind === object.kind && involved.name === object.metadata.name && (involved.namespace ?? event.metadata.namespace) === object.metadata.namespace;
  });
}

/** The event's text (`message`, or `note` in events.k8s.io). */
export function eventMessage(event: LiveObject): string {
  return String(event.message ?? event.note ?? '');
}

/** When the event last happened, as RFC 3339 (empty when it does not say). */
export function eventTime(event: LiveObject): string {
  const series = (event.series as { lastObservedTime?: string } | undefined)?.lastObservedTime;
  return String(event.lastTimestamp ?? series ?? event.eventTime ?? event.firstTimestamp ?? event.metadata.creationTimestamp ?? '');
}
