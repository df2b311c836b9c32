import type { ApiClient } from '../cluster/api-client.js';
import type { PlatformSettings } from '../config/platform.js';
import { getObject, isMissing, listObjects, paths } from './platform-api.js';
import { appsInVCluster } from './vcluster-apps.js';

/**
 * What removing a request takes with it, as Argo CD will prune it: the resources of the
 * vCluster's Application and the apps deployed into the vCluster. Read from the live
 * Application's `status.resources`; an unreadable cluster is said, not guessed around.
 */
export async function prunePreview(client: ApiClient, platform: PlatformSettings, name: string): Promise<string[]> {
  const lines: string[] = [];
  let app = await getObject(client, paths.application(platform, `vcluster-${name}`));
  if (isMissing(app) && app.missing === 'not-found') app = await getObject(client, paths.application(platform, name));
  if (isMissing(app)) {
    lines.push(app.missing === 'forbidden' ? `cannot read the vCluster's Application: ${app.message}` : `no Argo CD Application vcluster-${name}: nothing of it is deployed`);
  } else {
    const resources = (Array.isArray(app.status?.resources) ? app.status.resources : []) as { kind: string; namespace?: string; name: string }[];
    const prune = app.spec?.syncPolicy?.automated?.prune === true;
    lines.push(`Application ${app.metadata.name} (${prune ? 'auto-prune on' : 'auto-prune off: resources stay until a sync with prune'}) manages ${resources.length} resource(s):`);
    for (const resource of resources) lines.push(`  ${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`);
  }
  const apps = await listObjects(client, paths.applications(platform));
  if (!isMissing(apps)) {
    const inside = appsInVCluster(apps, name).map((candidate) => candidate.metadata.name);
    if (inside.length > 0) lines.push(`${inside.length} app(s) deployed into the vCluster go with it: ${inside.join(', ')}`);
  }
  return lines;
}
