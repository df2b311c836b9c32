import path from 'node:path';
import { repositoryRelative } from '../argocd/argo-applications.js';
import { argoAppSpecs, argoSources } from '../k8s/argo-apps.js';
import { isArgoApplication } from '../k8s/kinds.js';
import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { ChartFiles } from './chart.js';
import { coalesce } from './render-chart.js';
import type { GoMap } from './template/go-values.js';
import { readYaml } from './yaml-functions.js';

/** The release a chart is rendered as. */
export interface ChartRelease {
  name: string;
  namespace: string;
  /** Values over the chart's own. */
  values: GoMap;
}

/**
 * How the repository deploys the chart in `dir`: as the one Argo CD Application whose source is that
 * directory — its release name (`helm.releaseName`, else the Application's name), destination
 * namespace and values (`helm.valueFiles` in the chart, then `helm.values`, then `helm.valuesObject`,
 * as Argo CD layers them) — else as an ApplicationSet over directories would: a release and a
 * namespace named after the directory, with the chart's own values.
 */
export function chartRelease(objects: readonly KubeObject[], dir: string, defaultName: string, source: ChartFiles): ChartRelease {
  const fallback = { name: defaultName, namespace: defaultName, values: {} };
  const deploying = argoAppSpecs(objects.filter(isArgoApplication)).flatMap((app) =>
    argoSources(app)
      .filter(({ source: appSource }) => typeof appSource.path === 'string' && appSource.chart === undefined && repositoryRelative(appSource.path) === dir)
      .map(({ source: appSource }) => ({ app, helm: asRecord(appSource.helm) ?? {} })),
  );
  // Several Applications deploying one chart differently: no single answer, so the chart's own values.
  if (deploying.length !== 1) return fallback;
  const { app, helm } = deploying[0]!;
  let values: GoMap = {};
  for (const file of Array.isArray(helm.valueFiles) ? helm.valueFiles : []) {
    // `$ref/…` files come from another source of the Application: not this chart's.
    if (typeof file !== 'string' || file.startsWith('$')) continue;
    const layer = yamlMap(source.read(path.posix.join(dir, file)));
    if (layer) values = coalesce(values, layer);
  }
  const inline = typeof helm.values === 'string' ? yamlMap(helm.values) : asRecord(helm.values);
  if (inline) values = coalesce(values, inline);
  const object = asRecord(helm.valuesObject);
  if (object) values = coalesce(values, object);
  const destination = asRecord(app.spec.destination);
  return {
    name: typeof helm.releaseName === 'string' && helm.releaseName !== '' ? helm.releaseName : (app.object.name ?? defaultName),
    namespace: typeof destination?.namespace === 'string' && destination.namespace !== '' ? destination.namespace : defaultName,
    values,
  };
}

function yamlMap(text: string | undefined): GoMap | undefined {
  const value = text === undefined ? undefined : readYaml(text);
  return typeof value === 'object' ? (value as GoMap) : undefined;
}
