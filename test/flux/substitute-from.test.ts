import { describe, expect, it } from 'vitest';
import { ks } from '../rules/flux/flux-graph-fixtures.js';
import { graphOfFiles as graphOf } from './graph-of-files.js';

const postBuild = '  postBuild:\n    substitute:\n      DOMAIN: override.example\n    substituteFrom:\n      - kind: ConfigMap\n        name: cluster-settings\n      - kind: Secret\n        name: cluster-secrets\n';
const files = {
  'flux/cluster.yaml': ks('cluster-apps', './apps', postBuild),
  'flux/settings.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-settings\n  namespace: flux-system\ndata:\n  TIMEZONE: Europe/Paris\n  DOMAIN: settings.example\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cluster-secrets\n  namespace: flux-system\nstringData:\n  TOKEN: s3cr3t-value\n',
  'apps/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: default\ndata:\n  tz: ${TIMEZONE}\n  host: app.${DOMAIN}\n  token: ${TOKEN}\n',
};

describe('postBuild substitution from the repo', () => {
  it('fills values from substituteFrom ConfigMaps, lets substitute win, and never copies a Secret value', () => {
    const graph = graphOf(files);
    const app = graph.nodes.find((node) => node.name === 'cluster-apps')!.applies.find((object) => object.body.kind === 'ConfigMap');
    expect(app?.body.data).toEqual({ tz: 'Europe/Paris', host: 'app.override.example', token: '${TOKEN}' });
  });
});

describe('when Flux substitutes at all', () => {
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: default\ndata:\n  url: ${URL:=https://example.com}\n  price: $$5\n';
  const dataOf = (postBuildBlock: string) =>
    graphOf({ 'flux/cluster.yaml': ks('cluster-apps', './apps', postBuildBlock), 'apps/cm.yaml': cm }).nodes.find((node) => node.name === 'cluster-apps')!.applies[0]!.body.data;

  it('not without a single variable: defaults and $$ stay as written', () => {
    expect(dataOf('  postBuild: {}\n')).toEqual({ url: '${URL:=https://example.com}', price: '$$5' });
  });

  it('with one: defaults apply and $$ becomes $', () => {
    expect(dataOf('  postBuild:\n    substitute:\n      OTHER: x\n')).toEqual({ url: 'https://example.com', price: '$5' });
  });
});
