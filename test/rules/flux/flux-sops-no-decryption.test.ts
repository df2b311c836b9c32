import rule from '../../../src/rules/flux/flux-sops-no-decryption.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

const encrypted = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: sonarr\nstringData:\n  key: ENC[AES256_GCM,data:x,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:m,type:str]\n  version: 3.9.1\n';
const withSecret = { 'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - secret.sops.yaml\n', 'apps/media/sonarr/app/secret.sops.yaml': encrypted };
const decryptionPatch = "  patches:\n    - patch: |-\n        apiVersion: kustomize.toolkit.fluxcd.io/v1\n        kind: Kustomization\n        metadata:\n          name: not-used\n        spec:\n          decryption:\n            provider: sops\n      target:\n        kind: Kustomization\n";

ruleTester(rule, {
  valid: [
    { name: 'decryption on the Kustomization', files: antonRepo(ks('sonarr', './apps/media/sonarr/app', '  decryption:\n    provider: sops\n'), withSecret) },
    { name: 'decryption patched in by the root (the Anton layout)', files: { ...antonRepo(ks('sonarr', './apps/media/sonarr/app'), withSecret), 'flux/cluster.yaml': ks('cluster-apps', './apps', decryptionPatch) } },
  ],
  invalid: [
    { files: antonRepo(ks('sonarr', './apps/media/sonarr/app'), withSecret), errors: [{ line: 6, file: 'apps/media/sonarr/ks.yaml', message: 'applies 1 SOPS-encrypted document (apps/media/sonarr/app/secret.sops.yaml) without spec.decryption' }] },
  ],
});
