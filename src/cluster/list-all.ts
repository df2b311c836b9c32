import { ApiError, type ApiClient } from './api-client.js';

interface ListPage {
  apiVersion?: string;
  kind?: string;
  metadata?: { continue?: string };
  items?: Record<string, any>[];
}

const PAGE_SIZE = 500;
/** A continue token can expire (410 Gone) on a busy cluster; start over this many times at most. */
const MAX_RESTARTS = 3;

/** Every item of a list, page by page (limit/continue), starting over when a continue token expires. */
export async function listAll(client: ApiClient, path: string, selectors: { fieldSelector?: string; labelSelector?: string } = {}): Promise<Record<string, any>[]> {
  let items: Record<string, any>[] = [];
  let token: string | undefined;
  let restarts = 0;
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (token) query.set('continue', token);
    if (selectors.fieldSelector) query.set('fieldSelector', selectors.fieldSelector);
    if (selectors.labelSelector) query.set('labelSelector', selectors.labelSelector);
    let page: ListPage;
    try {
      page = await client.getJson<ListPage>(`${path}?${query}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 410 && token && restarts < MAX_RESTARTS) {
        restarts++;
        items = [];
        token = undefined;
        continue;
      }
      throw error;
    }
    for (const item of page.items ?? []) items.push(item);
    token = page.metadata?.continue || undefined;
    if (!token) return items;
  }
}
