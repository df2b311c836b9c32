import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/repo/load.js';
import { SchemaBundle } from '../../src/schema/bundle.js';
import { SchemaValidator, useValidatorCache } from '../../src/schema/validator.js';
import { tempDir } from '../temp-dir.js';

// Invalid in every way the validator knows: unknown field, CEL rule, format, enum, type.
const repo = loadFiles({
  'bad.yaml': [
    'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\nspec:\n  interval: 5m\n  retryInterval: 1m\n',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  token: not base64!\n',
    'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: c\nspec:\n  secretName: c\n  issuerRef:\n    name: i\n  privateKey:\n    algorithm: DSA\n',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: three\n  selector: {}\n  template: {}\n',
  ].join('---\n'),
});

const problemsWith = (bundle: SchemaBundle) => {
  const validator = new SchemaValidator(bundle);
  return repo.objects.map((object) => validator.validate(object));
};

afterAll(() => useValidatorCache(false));

describe('the validator cache', () => {
  it('gives the same results from freshly compiled and from cached code', () => {
    useValidatorCache(false);
    const compiled = problemsWith(new SchemaBundle());
    const dir = tempDir('validators');
    useValidatorCache(true, dir);
    const cold = problemsWith(new SchemaBundle());
    const files = readdirSync(path.join(dir, 'validators', readdirSync(path.join(dir, 'validators'))[0]!));
    expect(files.length).toBe(4);
    const warm = problemsWith(new SchemaBundle()); // a new bundle: its compiler reads the disk
    expect(cold).toEqual(compiled);
    expect(warm).toEqual(compiled);
    const messages = compiled.flatMap((result) => (result.status === 'validated' ? result.problems.map((problem) => problem.message) : []));
    expect(messages).toEqual(
      expect.arrayContaining([
        'unknown field spec.retryInterval',
        'spec: either chart or chartRef must be set',
        'data.token "not base64!" is not a valid byte',
        'spec.privateKey.algorithm is "DSA", not one of "RSA", "ECDSA", "Ed25519"',
        'spec.replicas must be integer, not string',
      ]),
    );
  });
});
