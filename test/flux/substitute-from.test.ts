import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fluxGraphOf } from '../../src/engine/flux-graph-of.js';
import { loadRepo } from '../../src/repo/load.js';
import { ks } from '../rules/flux/flux-graph-fixtures.js';
import { tempDir } from '../temp-dir.js';

function graphOf(files: Record<string, string>) {
  const root = tempDir('substitute');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return fluxGraphOf(root, loadRepo(root).objects);
}

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
