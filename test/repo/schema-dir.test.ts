import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaDir } from '../../src/repo/schema-dir.js';
import { tempDir } from '../temp-dir.js';

describe('readSchemaDir', () => {
  it('reads CRD manifests and catalog-layout JSON Schemas', async () => {
    const dir = tempDir('schemas');
    mkdirSync(path.join(dir, 'example.com'));
    writeFileSync(path.join(dir, 'example.com', 'widget_v1.json'), JSON.stringify({ type: 'object', properties: { spec: { type: 'object' } } }));
    writeFileSync(path.join(dir, 'crds.yaml'), 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: gadgets.example.com\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ignored\n');
    const contents = await readSchemaDir(dir);
    expect(contents.jsonSchemas.map(({ group, version, kind }) => `${group}/${version}/${kind}`)).toEqual(['example.com/v1/widget']);
    expect(contents.crds.map((crd) => crd.name)).toEqual(['gadgets.example.com']);
  });

  it('a missing directory is a usage error', async () => {
    await expect(readSchemaDir('/no/such/dir')).rejects.toThrow(/cannot read --schema-dir/);
  });
});
