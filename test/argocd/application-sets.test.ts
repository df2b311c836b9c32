import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/argocd/application-sets.js';
import { flatten } from '../../src/argocd/git-generator.js';

const params = { flat: { ...flatten({ cluster: { name: 'home' } }), path: 'apps/demo', 'path.basename': 'demo' }, nested: { cluster: { name: 'home' }, path: { path: 'apps/demo', basename: 'demo' } }, label: 'apps/demo' };

describe('renderTemplate', () => {
  it('fills default templates with flattened keys and leaves unknown keys as placeholders', () => {
    expect(renderTemplate({ name: '{{cluster.name}}-{{ path.basename }}', path: '{{path}}', other: ['{{unknown}}', 3] }, params, false)).toEqual({
      name: 'home-demo',
      path: 'apps/demo',
      other: ['{{unknown}}', 3],
    });
  });
  it('fills goTemplate field references and leaves functions alone', () => {
    expect(renderTemplate({ name: '{{ .cluster.name }}', path: '{{.path.path}}', upper: '{{ .path.basename | upper }}' }, params, true)).toEqual({
      name: 'home',
      path: 'apps/demo',
      upper: '{{ .path.basename | upper }}',
    });
  });
});
