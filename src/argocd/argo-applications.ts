import { argoAppSpecs, type ArgoAppSpec } from '../k8s/argo-apps.js';
import { isArgoApplicationSet } from '../k8s/kinds.js';
import type { KubeObject } from '../repo/object.js';
import { asRecord } from '../repo/parse.js';
import type { Repository } from '../repo/repository-urls.js';
import { expandApplicationSet, renderTemplate } from './application-sets.js';

export interface ArgoApplication extends ArgoAppSpec {
  /** For an Application an ApplicationSet generates: which parameters (a path, a file, a list element). */
  generatedFor?: string;
}

/**
 * Every Argo CD Application the repo makes: its Applications, and one per parameter set of each
 * ApplicationSet whose generators hctl can expand offline (others stay as their template).
 */
export function argoApplications(objects: readonly KubeObject[], repository: Repository): ArgoApplication[] {
  return argoAppSpecs(objects).flatMap((app): ArgoApplication[] => {
    if (!isArgoApplicationSet(app.object)) return [app];
    const { params } = expandApplicationSet(app.object, repository);
    if (!params) return [app];
    const goTemplate = asRecord(app.object.body.spec)?.goTemplate === true;
    return params.map((set) => ({ ...app, spec: asRecord(renderTemplate(app.spec, set, goTemplate)) ?? app.spec, generatedFor: set.label }));
  });
}

/** " (generated for apps/demo)" for a generated Application, else "". */
export function generatedSuffix(app: ArgoApplication): string {
  return app.generatedFor ? ` (generated for ${app.generatedFor})` : '';
}
