import rule from '../../../src/rules/flux/flux-postbuild-undefined.js';
import { ruleTester } from '../../rule-tester.js';
import { antonRepo, ks } from './flux-graph-fixtures.js';

const withConfig = (postBuild: string, cm: string, extra: Record<string, string> = {}) =>
  antonRepo(ks('sonarr', './apps/media/sonarr/app', `  postBuild:\n${postBuild}`), { 'apps/media/sonarr/app/cm.yaml': cm, ...extra });
const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sonarr\ndata:\n  url: ${value}\n`;

ruleTester(rule, {
  valid: [
    { name: 'defined in substitute', files: withConfig('    substitute:\n      DOMAIN: example.com\n', cm('https://sonarr.${DOMAIN}')) },
    { name: 'a default', files: withConfig('    substitute:\n      APP: sonarr\n', cm('https://${APP}.${DOMAIN:=example.com}')) },
    { name: 'a default that names another variable', files: withConfig('    substitute:\n      APP: sonarr\n', cm('${CLAIM:-${APP}}')) },
    { name: 'escaped for the app, not for Flux', files: withConfig('    substitute:\n      APP: sonarr\n', cm('$${HOME}/config')) },
    { name: 'no variable at all: Flux does not substitute', files: withConfig('    substitute: {}\n', cm('${HOME}/config')) },
    {
      name: 'defined in a substituteFrom ConfigMap the repo applies',
      files: withConfig('    substituteFrom:\n      - kind: ConfigMap\n        name: cluster-settings\n', cm('https://sonarr.${DOMAIN}'), {
        'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - settings.yaml\n',
        'apps/media/sonarr/app/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-settings\ndata:\n  DOMAIN: example.com\n',
      }),
    },
    { name: 'a substituteFrom Secret made outside Git: unknown keys, not judged', files: withConfig('    substituteFrom:\n      - kind: Secret\n        name: cluster-secrets\n', cm('${API_KEY}')) },
  ],
  invalid: [
    {
      name: 'a substituteFrom ConfigMap the repo applies, without the variable',
      files: withConfig('    substituteFrom:\n      - kind: ConfigMap\n        name: cluster-settings\n', cm('https://sonarr.${DOMAIN}'), {
        'apps/media/sonarr/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - settings.yaml\n',
        'apps/media/sonarr/app/settings.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-settings\ndata:\n  TIMEZONE: Europe/Berlin\n',
      }),
      errors: [{ line: 6, message: '${DOMAIN} has no value' }],
    },
    {
      name: 'a shell variable in a ConfigMap Flux substitutes',
      files: withConfig('    substitute:\n      DOMAIN: example.com\n', cm('${HOME}/sonarr')),
      errors: [{ line: 6, file: 'apps/media/sonarr/app/cm.yaml', message: '${HOME} has no value in media/sonarr' }],
    },
    { name: 'inside a default', files: withConfig('    substitute:\n      APP: sonarr\n', cm('${CLAIM:-${OWNER}}')), errors: [{ line: 6, message: '${OWNER} has no value' }] },
    { name: 'under a transformation', files: withConfig('    substitute:\n      APP: sonarr\n', cm('${REGION^^}')), errors: [{ line: 6, message: '${REGION} has no value' }] },
  ],
});
